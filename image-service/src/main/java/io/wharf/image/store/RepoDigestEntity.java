package io.wharf.image.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** A digest reference ({@code name@sha256:...} of a manifest) pointing at one image; set by pull and push. */
@Entity
@Table(name = "wharf_image_repo_digest", indexes = @Index(name = "wharf_image_repo_digest_image", columnList = "imageId"))
public class RepoDigestEntity {
    /** {@code docker.io/library/busybox@sha256:...}. */
    @Id
    @Column(length = 400)
    public String reference;

    @Column(nullable = false, length = 300)
    public String repository;

    @Column(nullable = false, length = 71)
    public String imageId;
}
