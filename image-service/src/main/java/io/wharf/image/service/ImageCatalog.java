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
import java.util.ArrayList;
import java.util.List;

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

    /**
     * Records loaded images (blobs already stored) with their tags, in one transaction: for each image
     * {@code tag} events then {@code load}, as moby. Returns the lines {@code docker load} prints.
     */
    @Transactional
    public List<String> registerLoad(List<LoadService.LoadedImage> loaded) {
        List<String> lines = new ArrayList<>();
        for (LoadService.LoadedImage l : loaded) {
            ImageEntity stored = images.findById(l.image().id);
            if (stored == null) {
                images.persist(l.image());
                stored = l.image();
            }
            for (Reference ref : l.tags()) {
                TagEntity previous = tags.findById(ref.toString());
                if (previous != null && !previous.imageId.equals(stored.id)) {
                    lines.add("The image " + ref.familiar() + " already exists, renaming the old one with ID "
                            + previous.imageId + " to empty string");
                }
                tag(stored, ref);
                lines.add("Loaded image: " + ref.familiar());
            }
            if (l.tags().isEmpty()) {
                lines.add("Loaded image ID: " + stored.id);
            }
            events.loaded(stored);
        }
        return lines;
    }

    /** Records a committed image and tags it ({@code tag} event; the container publishes {@code commit}). */
    @Transactional
    public ImageEntity registerCommit(ImageEntity image, Reference tag) {
        ImageEntity stored = images.findById(image.id);
        if (stored == null) {
            images.persist(image);
            stored = image;
        }
        if (tag != null) {
            tag(stored, tag);
        }
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
