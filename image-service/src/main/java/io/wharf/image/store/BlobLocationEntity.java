package io.wharf.image.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * A registry repository known to hold a blob (pulled from or pushed to it), so a push to another
 * repository of the same registry can ask for a cross-repository mount instead of uploading.
 */
@Entity
@Table(name = "wharf_blob_location", indexes = @Index(name = "wharf_blob_location_digest", columnList = "digest"))
public class BlobLocationEntity {
    /** {@code <digest> <repository>}. */
    @Id
    @Column(length = 480)
    public String id;

    @Column(nullable = false, length = 71)
    public String digest;

    /** Fully qualified repository name: {@code 127.0.0.1:5000/x/y}. */
    @Column(nullable = false, length = 400)
    public String repository;
}
