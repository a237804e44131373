package io.wharf.image.domain.registry;

import java.util.Set;

/** The manifest media types Wharf pulls and pushes (Docker schema 2 and OCI). */
public final class ManifestTypes {
    public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    public static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    public static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
    public static final String OCI_LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
    public static final String OCI_LAYER = "application/vnd.oci.image.layer.v1.tar";
    public static final String DOCKER_FOREIGN_LAYER = "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip";

    /** The Accept header of a manifest request, as dockerd sends it. */
    public static final String ACCEPT = String.join(", ", DOCKER_MANIFEST, DOCKER_LIST, OCI_MANIFEST, OCI_INDEX);

    public static final Set<String> IMAGES = Set.of(DOCKER_MANIFEST, OCI_MANIFEST);
    public static final Set<String> INDEXES = Set.of(DOCKER_LIST, OCI_INDEX);

    private ManifestTypes() {
    }
}
