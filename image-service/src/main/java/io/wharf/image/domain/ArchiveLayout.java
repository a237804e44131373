package io.wharf.image.domain;

/** Names and media types of the image archive ({@code docker save} / {@code docker load}): Docker 25's layout, which is also an OCI image layout. */
public final class ArchiveLayout {
    public static final String MANIFEST_JSON = "manifest.json";
    public static final String INDEX_JSON = "index.json";
    public static final String OCI_LAYOUT = "oci-layout";
    public static final String REPOSITORIES = "repositories";
    public static final String BLOBS = "blobs/sha256/";

    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
    public static final String OCI_LAYER = "application/vnd.oci.image.layer.v1.tar";
    public static final String OCI_LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
    public static final String DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";

    /** containerd's annotation with the full image name; OCI's with the tag (or the name). */
    public static final String IMAGE_NAME_ANNOTATION = "io.containerd.image.name";
    public static final String REF_NAME_ANNOTATION = "org.opencontainers.image.ref.name";

    private ArchiveLayout() {
    }

    public static String blobPath(Digest digest) {
        return BLOBS + digest.hex();
    }
}
