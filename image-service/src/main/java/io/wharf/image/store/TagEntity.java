package io.wharf.image.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/** A tag: a fully qualified {@code name:tag} reference pointing at one image. */
@Entity
@Table(name = "wharf_image_tag", indexes = @Index(name = "wharf_image_tag_image", columnList = "imageId"))
public class TagEntity {
    /** {@code docker.io/library/busybox:latest}. */
    @Id
    @Column(length = 400)
    public String reference;

    /** {@code docker.io/library/busybox}. */
    @Column(nullable = false, length = 300)
    public String repository;

    @Column(nullable = false, length = 71)
    public String imageId;

    @Column(nullable = false)
    public Instant taggedAt;
}
