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
import java.util.Set;

/**
 * The row side of {@code docker rmi}, following moby's ImageDelete: a reference untags; the image
 * itself goes when its last reference does, or when it is named by id. Blobs are collected by the
 * caller after commit.
 */
@ApplicationScoped
public class ImageDeleter {

    /** What was done; {@code deleted} are the removed image rows (the image, then pruned parents). */
    public record Outcome(List<DeleteResponseItem> items, List<ImageEntity> deleted) {
    }

    /** Why an image cannot go, as moby's imageDeleteConflict. */
    private record Conflict(ImageEntity image, boolean hard, boolean used, String message) {
        WharfException exception() {
            return WharfException.conflict("conflict: unable to delete " + shortId(image.id) + " ("
                    + (hard ? "cannot be forced" : "must be forced") + ") - " + message);
        }
    }

    private static final int CHILD = 1;
    private static final int RUNNING = 2;
    private static final int REFERENCE = 4;
    private static final int STOPPED = 8;
    private static final int HARD = CHILD | RUNNING;
    private static final int SOFT = REFERENCE | STOPPED;

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

    /** moby's ImageDelete: untag when named by reference, delete when no reference is left or named by id. */
    @Transactional
    public Outcome delete(String input, boolean force, boolean prune) {
        ImageEntity image = resolver.resolve(input);
        List<ContainerUsage.User> users = containers.users();
        List<DeleteResponseItem> items = new ArrayList<>();
        List<ImageEntity> deleted = new ArrayList<>();
        boolean removedRepositoryRef = false;
        if (!isImageIdPrefix(image.id, input)) {
            Reference named = Reference.parse(input).withDefaultTag();
            if (!force && isSingleReference(references(image))) {
                users.stream().filter(u -> u.imageId().equals(image.id)).findFirst().ifPresent(user -> {
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
            if (!references(image).isEmpty()) {
                return new Outcome(items, deleted);
            }
            removedRepositoryRef = true;
        } else if (isSingleReference(references(image))) {
            Conflict conflict = conflict(image, users, force ? HARD : HARD | STOPPED);
            if (conflict != null) {
                throw conflict.exception();
            }
            removeAllReferences(image, items);
        }
        deleteHelper(image, users, items, deleted, force, prune, removedRepositoryRef);
        return new Outcome(items, deleted);
    }

    private void deleteHelper(ImageEntity image, List<ContainerUsage.User> users, List<DeleteResponseItem> items,
            List<ImageEntity> deleted, boolean force, boolean prune, boolean quiet) {
        ImageEntity current = image;
        boolean currentForce = force;
        boolean currentQuiet = quiet;
        while (current != null) {
            Conflict conflict = conflict(current, users, currentForce ? HARD : HARD | SOFT);
            if (conflict != null) {
                if (currentQuiet && (!isDangling(current) || conflict.used())) {
                    return; // kept for its container, or still referenced: nothing to report
                }
                throw conflict.exception();
            }
            removeAllReferences(current, items);
            images.delete(current);
            images.flush();
            events.deleted(current);
            items.add(DeleteResponseItem.deleted(current.id));
            deleted.add(current);
            if (!prune || current.parent == null) {
                return;
            }
            current = images.findById(current.parent);
            currentForce = false;
            currentQuiet = true;
        }
    }

    /** moby's checkImageDeleteConflict: children and running containers (hard), references and stopped ones. */
    private Conflict conflict(ImageEntity image, List<ContainerUsage.User> users, int mask) {
        if ((mask & CHILD) != 0 && images.hasChildren(image.id)) {
            return new Conflict(image, true, false, "image has dependent child images");
        }
        if ((mask & RUNNING) != 0) {
            for (ContainerUsage.User user : users) {
                if (user.running() && user.imageId().equals(image.id)) {
                    return new Conflict(image, true, true,
                            "image is being used by running container " + shortId(user.containerId()));
                }
            }
        }
        if ((mask & REFERENCE) != 0 && !references(image).isEmpty()) {
            return new Conflict(image, false, false, "image is referenced in multiple repositories");
        }
        if ((mask & STOPPED) != 0) {
            for (ContainerUsage.User user : users) {
                if (!user.running() && user.imageId().equals(image.id)) {
                    return new Conflict(image, false, true,
                            "image is being used by stopped container " + shortId(user.containerId()));
                }
            }
        }
        return null;
    }

    private boolean isDangling(ImageEntity image) {
        return references(image).isEmpty();
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
