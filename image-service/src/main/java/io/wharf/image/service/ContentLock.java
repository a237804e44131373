package io.wharf.image.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Orders blob garbage collection against writers: a writer holds the read lock from making its
 * blobs visible until the rows that reference them have committed; collection holds the write
 * lock while it decides which blobs no row references and removes them. So a blob is never
 * removed between an import finding it present and committing a reference to it.
 */
@ApplicationScoped
public class ContentLock {
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    public ReadWriteLock lock() {
        return lock;
    }
}
