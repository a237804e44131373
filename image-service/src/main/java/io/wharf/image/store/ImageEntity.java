package io.wharf.image.store;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An image: its id is the digest of its config JSON, which is also kept in the content store. */
@Entity
@Table(name = "wharf_image")
public class ImageEntity {
    /** {@code sha256:<hex>} of the config bytes. */
    @Id
    @Column(length = 71)
    public String id;

    /** The config JSON exactly as stored (and hashed). */
    @Column(nullable = false, length = 1_048_576)
    public String configJson;

    @Column(nullable = false)
    public Instant created;

    /** Sum of the layers' sizes. */
    @Column(nullable = false)
    public long size;

    /** The image this one was committed from ({@code sha256:...}), or null; inspect's Parent. */
    @Column(length = 71)
    public String parent;

    /** When a tag last pointed here; null when never tagged. */
    public Instant lastTagTime;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "wharf_image_layer", joinColumns = @JoinColumn(name = "image_id"),
            indexes = @Index(name = "wharf_image_layer_digest", columnList = "digest"))
    @OrderColumn(name = "position")
    public List<ImageLayer> layers = new ArrayList<>();
}
