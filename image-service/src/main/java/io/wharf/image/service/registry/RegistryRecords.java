package io.wharf.image.service.registry;

import io.wharf.eventbus.envelope.Actions;
import io.wharf.image.domain.Reference;
import io.wharf.image.service.ImageCatalog;
import io.wharf.image.service.ImageEvents;
import io.wharf.image.store.ImageEntity;
import io.wharf.image.store.ImageRepository;
import io.wharf.image.store.RepoDigestEntity;
import io.wharf.image.store.RepoDigestRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The rows a pull or push leaves, each with its event in the same transaction: the image (once), its
 * tag, its repo digest ({@code name@sha256:<manifest>}), and moby's {@code pull} / {@code push} event.
 */
@ApplicationScoped
public class RegistryRecords {
    private final ImageRepository images;
    private final RepoDigestRepository digests;
    private final ImageCatalog catalog;
    private final ImageEvents events;

    public RegistryRecords(ImageRepository images, RepoDigestRepository digests, ImageCatalog catalog,
            ImageEvents events) {
        this.images = images;
        this.digests = digests;
        this.catalog = catalog;
        this.events = events;
    }

    /**
     * Records a pulled image; {@code tag} is null for a pull by digest. True when nothing changed
     * (Docker's "Image is up to date").
     */
    @Transactional
    public boolean registerPull(ImageEntity image, Reference tag, Reference digestReference, Reference asGiven) {
        ImageEntity stored = images.findById(image.id);
        boolean upToDate = stored != null;
        if (stored == null) {
            images.persist(image);
            stored = image;
        }
        if (tag != null) {
            upToDate &= stored.id.equals(catalog.pointTag(stored, tag));
        }
        upToDate &= recordDigest(stored.id, digestReference);
        events.registry(Actions.PULL, stored, asGiven);
        return upToDate;
    }

    /** After a push: the manifest's repo digest and the {@code push} event. */
    @Transactional
    public void registerPush(String imageId, Reference digestReference, Reference asGiven) {
        recordDigest(imageId, digestReference);
        events.registry(Actions.PUSH, images.findById(imageId), asGiven);
    }

    /** True when the digest reference already pointed at this image. */
    private boolean recordDigest(String imageId, Reference digestReference) {
        RepoDigestEntity row = digests.findById(digestReference.toString());
        if (row == null) {
            row = new RepoDigestEntity();
            row.reference = digestReference.toString();
            row.repository = digestReference.name();
            row.imageId = imageId;
            digests.persist(row);
            return false;
        }
        boolean same = row.imageId.equals(imageId);
        row.imageId = imageId;
        return same;
    }
}
