package io.wharf.image.service;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.wharf.common.error.WharfException;
import io.wharf.image.domain.Reference;
import io.wharf.image.store.ImageEntity;
import io.wharf.image.store.ImageRepository;
import io.wharf.image.store.TagEntity;
import io.wharf.image.store.TagRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Writes image and tag rows, each together with its events (one transaction each). */
@ApplicationScoped
public class ImageCatalog {
    private final ImageRepository images;
    private final TagRepository tags;
    private final ImageResolver resolver;
    private final ImageEvents events;

    public ImageCatalog(ImageRepository images, TagRepository tags, ImageResolver resolver, ImageEvents events) {
        this.images = images;
        this.tags = tags;
        this.resolver = resolver;
        this.events = events;
    }

    /**
     * Records an imported image (its blobs are already in the store) and tags it: events
     * {@code tag} (when tagged) then {@code import}, as moby emits them. Returns the stored row.
     */
    @Transactional
    public ImageEntity registerImport(ImageEntity image, Reference tag) {
        ImageEntity stored = images.findById(image.id);
        if (stored == null) {
            images.persist(image);
            stored = image;
        }
        if (tag != null) {
            tag(stored, tag);
        }
        events.imported(stored);
        return stored;
    }

    /** {@code docker tag SOURCE REPO[:TAG]}: points the reference at the source image, moving it if needed. */
    @WithSpan
    @Transactional
    public void tag(String source, String repo, String tag) {
        Reference target = Reference.repoTag(repo, tag);
        if (target == null) {
            throw WharfException.invalid("repository name must have at least one component");
        }
        tag(resolver.resolve(source), target);
    }

    private void tag(ImageEntity image, Reference reference) {
        pointTag(image, reference);
        events.tagged(image, reference);
    }

    /**
     * Points a tag at an image without an event (a pull records the tag and emits {@code pull} only);
     * returns the image id the tag pointed at before, or null.
     */
    public String pointTag(ImageEntity image, Reference reference) {
        Instant now = Instant.now();
        TagEntity row = tags.findById(reference.toString());
        String previous = row == null ? null : row.imageId;
        if (row == null) {
            row = new TagEntity();
            row.reference = reference.toString();
            row.repository = reference.name();
            row.imageId = image.id;
            row.taggedAt = now;
            tags.persist(row);
        } else {
            row.imageId = image.id;
            row.taggedAt = now;
        }
        image.lastTagTime = now;
        return previous;
    }
}
