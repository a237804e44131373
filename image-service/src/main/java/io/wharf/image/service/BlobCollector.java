package io.wharf.image.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.wharf.image.domain.Digest;
import io.wharf.image.store.BlobStore;
import io.wharf.image.store.ImageRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Removes blobs no image references. Runs after an image is deleted (for its blobs), after a
 * failed import (for blobs it added), and at startup for everything (what a crash left behind).
 * Image rows are the only roots for now: anything that keeps blobs without an image row (pull in
 * progress, build cache) must become a root here first.
 */
@ApplicationScoped
public class BlobCollector {
    private static final Logger LOG = Logger.getLogger(BlobCollector.class);

    private final BlobStore blobs;
    private final ImageRepository images;
    private final ContentLock lock;

    public BlobCollector(BlobStore blobs, ImageRepository images, ContentLock lock) {
        this.blobs = blobs;
        this.images = images;
        this.lock = lock;
    }

    void onStart(@Observes StartupEvent event) throws IOException {
        int temporaries = blobs.removeTemporaries();
        Set<Digest> removed = collect(blobs.list());
        if (temporaries > 0 || !removed.isEmpty()) {
            LOG.infof("content store: removed %d unfinished writes and %d unreferenced blobs", temporaries,
                    removed.size());
        }
    }

    /** Removes those of {@code candidates} no image references; returns the ones removed. */
    public Set<Digest> collect(Collection<Digest> candidates) {
        Set<Digest> removed = new LinkedHashSet<>();
        if (candidates.isEmpty()) {
            return removed;
        }
        lock.lock().writeLock().lock();
        try {
            List<Digest> unused = QuarkusTransaction.requiringNew().call(() -> candidates.stream()
                    .distinct()
                    .filter(d -> !images.usesBlob(d.toString()))
                    .toList());
            for (Digest digest : unused) {
                try {
                    if (blobs.delete(digest)) {
                        removed.add(digest);
                    }
                } catch (IOException e) {
                    LOG.warnf("cannot remove blob %s: %s", digest, e.getMessage());
                }
            }
        } finally {
            lock.lock().writeLock().unlock();
        }
        return removed;
    }
}
