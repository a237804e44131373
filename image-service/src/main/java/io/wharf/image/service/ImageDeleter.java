package io.wharf.image.service;

import io.wharf.common.error.WharfException;
import io.wharf.image.client.ContainerUsage;
import io.wharf.image.domain.DeleteResponseItem;
import io.wharf.image.domain.Digest;
import io.wharf.image.domain.Reference;
import io.wharf.image.store.ImageEntity;
import io.wharf.image.store.ImageRepository;
import io.wharf.image.store.RepoDigestEntity;
import io.wharf.image.store.RepoDigestRepository;
import io.wharf.image.store.TagEntity;
import io.wharf.image.store.TagRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The row side of {@code docker rmi}, following moby's ImageDelete: a reference untags; the image
 * itself goes when its last reference does, or when it is named by id. Blobs are collected by the
 * caller after commit.
 */
@ApplicationScoped
public class ImageDeleter {

    /** What was done; {@code deleted} is the removed image row, or null when only references went. */
    public record Outcome(List<DeleteResponseItem> items, ImageEntity deleted) {
    }

    private final ImageResolver resolver;
    private final ImageRepository images;
    private final TagRepository tags;
    private final RepoDigestRepository digests;
    private final ImageEvents events;
    private final ContainerUsage containers;

    public ImageDeleter(ImageResolver resolver, ImageRepository images, TagRepository tags,
            RepoDigestRepository digests, ImageEvents events, ContainerUsage containers) {
        this.resolver = resolver;
        this.images = images;
        this.tags = tags;
        this.digests = digests;
        this.events = events;
        this.containers = containers;
    }

    @Transactional
    public Outcome delete(String input, boolean force) {
        ImageEntity image = resolver.resolve(input);
        List<DeleteResponseItem> items = new ArrayList<>();
        if (!isImageIdPrefix(image.id, input)) {
            Reference named = Reference.parse(input).withDefaultTag();
            if (!force && isSingleReference(references(image))) {
                containers.findUser(image.id).ifPresent(user -> {
                    throw WharfException.conflict("conflict: unable to remove repository reference \"" + input
                            + "\" (must force) - container " + shortId(user.containerId())
                            + " is using its referenced image " + shortId(image.id));
                });
            }
            removeReference(named);
            items.add(DeleteResponseItem.untagged(named.familiar()));
            events.untagged(image);
            if (!named.hasDigest() && !tags.repositoryHasTagsFor(image.id, named.name())) {
                for (RepoDigestEntity row : digests.byImage(image.id)) {
                    if (row.repository.equals(named.name())) {
                        digests.delete(row);
                        items.add(DeleteResponseItem.untagged(Reference.parse(row.reference).familiar()));
                    }
                }
            }
            if (!references(image).isEmpty() || containers.findUser(image.id).isPresent()) {
                return new Outcome(items, null); // still referenced, or kept dangling for its container
            }
        } else {
            if (isSingleReference(references(image))) {
                checkContainers(image, force);
                removeAllReferences(image, items);
            }
            checkContainers(image, force);
            if (!force && !references(image).isEmpty()) {
                throw conflict(image, false, "image is referenced in multiple repositories");
            }
            removeAllReferences(image, items);
        }
        images.delete(image);
        events.deleted(image);
        items.add(DeleteResponseItem.deleted(image.id));
        return new Outcome(items, image);
    }

    /** Running containers always block; stopped ones unless forced. */
    private void checkContainers(ImageEntity image, boolean force) {
        Optional<ContainerUsage.User> user = containers.findUser(image.id);
        if (user.isEmpty()) {
            return;
        }
        if (user.get().running()) {
            throw conflict(image, true, "image is being used by running container " + shortId(user.get().containerId()));
        }
        if (!force) {
            throw conflict(image, false, "image is being used by stopped container " + shortId(user.get().containerId()));
        }
    }

    private static WharfException conflict(ImageEntity image, boolean hard, String message) {
        return WharfException.conflict("conflict: unable to delete " + shortId(image.id) + " ("
                + (hard ? "cannot be forced" : "must be forced") + ") - " + message);
    }

    private void removeReference(Reference ref) {
        if (ref.hasDigest()) {
            digests.deleteById(ref.name() + "@" + ref.digest());
        } else {
            tags.deleteById(ref.toString());
        }
    }

    private void removeAllReferences(ImageEntity image, List<DeleteResponseItem> items) {
        List<String> removed = new ArrayList<>();
        for (TagEntity row : tags.byImage(image.id)) {
            tags.delete(row);
            removed.add(row.reference);
        }
        for (RepoDigestEntity row : digests.byImage(image.id)) {
            digests.delete(row);
            removed.add(row.reference);
        }
        for (String reference : removed) {
            items.add(DeleteResponseItem.untagged(Reference.parse(reference).familiar()));
            events.untagged(image);
        }
    }

    private List<Reference> references(ImageEntity image) {
        List<Reference> refs = new ArrayList<>();
        tags.byImage(image.id).forEach(t -> refs.add(Reference.parse(t.reference)));
        digests.byImage(image.id).forEach(d -> refs.add(Reference.parse(d.reference)));
        return refs;
    }

    /** Moby's isSingleReference: all references in one repository, at most one of them a tag. */
    static boolean isSingleReference(List<Reference> refs) {
        if (refs.size() <= 1) {
            return refs.size() == 1;
        }
        Reference single = null;
        Set<String> canonicalNames = new HashSet<>();
        for (Reference ref : refs) {
            if (ref.hasDigest()) {
                canonicalNames.add(ref.name());
            } else if (single == null) {
                single = ref;
            } else {
                return false;
            }
        }
        if (single == null) {
            single = refs.get(0);
        }
        return canonicalNames.size() == 1 && canonicalNames.contains(single.name());
    }

    /** Whether the user named the image by (a prefix of) its id rather than by a reference. */
    static boolean isImageIdPrefix(String imageId, String input) {
        if (imageId.startsWith(input)) {
            return true;
        }
        return imageId.substring(Digest.PREFIX.length()).startsWith(input);
    }

    private static String shortId(String id) {
        String hex = id.startsWith(Digest.PREFIX) ? id.substring(Digest.PREFIX.length()) : id;
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }
}
