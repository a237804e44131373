package io.wharf.image.domain;

/** Media types of the blobs the content store holds. */
public final class MediaTypes {
    /** An uncompressed layer tar (digest == diffId). */
    public static final String LAYER_TAR = "application/vnd.docker.image.rootfs.diff.tar";
    public static final String LAYER_TAR_GZIP = "application/vnd.docker.image.rootfs.diff.tar.gzip";
    public static final String IMAGE_CONFIG = "application/vnd.docker.container.image.v1+json";

    private MediaTypes() {
    }
}
