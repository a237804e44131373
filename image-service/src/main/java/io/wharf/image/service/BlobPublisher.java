package io.wharf.image.service;

import io.wharf.image.domain.Digest;
import io.wharf.image.store.BlobStore;
import io.wharf.image.store.StagedBlob;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The last step of every way an image comes in (import, commit, load, pull): its staged blobs become
 * visible and the rows that use them are registered in one step under the content lock, which garbage
 * collection takes to write; if the registration fails, the blobs this step made visible are collected
 * again, so nothing half-done stays.
 */
@ApplicationScoped
public class BlobPublisher {
    /** What registers the image once its blobs are visible. */
    @FunctionalInterface
    public interface Registration<T> {
        T register() throws IOException;
    }

    private final BlobStore blobs;
    private final ContentLock lock;
    private final BlobCollector collector;

    public BlobPublisher(BlobStore blobs, ContentLock lock, BlobCollector collector) {
        this.blobs = blobs;
        this.lock = lock;
        this.collector = collector;
    }

    public <T> T publish(Collection<StagedBlob> staged, Registration<T> registration) throws IOException {
        List<Digest> added = new ArrayList<>();
        boolean registered = false;
        lock.lock().readLock().lock();
        try {
            for (StagedBlob blob : staged) {
                if (blobs.commit(blob)) {
                    added.add(blob.digest());
                }
            }
            T result = registration.register();
            registered = true;
            return result;
        } finally {
            lock.lock().readLock().unlock();
            if (!registered) {
                collector.collect(added);
            }
        }
    }
}
