package io.wharf.image.store;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One layer of an image row, in order (bottom first). */
@Embeddable
public class ImageLayer {
    @Column(nullable = false, length = 71)
    public String digest;

    @Column(nullable = false, length = 71)
    public String diffId;

    @Column(nullable = false, length = 128)
    public String mediaType;

    @Column(nullable = false)
    public long size;

    public ImageLayer() {
    }

    public ImageLayer(String digest, String diffId, String mediaType, long size) {
        this.digest = digest;
        this.diffId = diffId;
        this.mediaType = mediaType;
        this.size = size;
    }
}
