package io.wharf.image.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The gzip form a push gave an uncompressed layer (moby's v2 metadata): the next push of the same
 * layer asks the registry for that digest first and skips compressing and uploading when it has it.
 */
@Entity
@Table(name = "wharf_layer_compression")
public class LayerCompressionEntity {
    /** The uncompressed layer's digest. */
    @Id
    @Column(length = 71)
    public String diffId;

    /** sha256 of the gzip stream pushed. */
    @Column(nullable = false, length = 71)
    public String digest;

    @Column(nullable = false)
    public long size;
}
