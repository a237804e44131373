package io.wharf.container.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One lock per container serialises its lifecycle steps (start, exit handling, kill, removal) so an
 * exit seen while a start is still being recorded is handled after it. Never held while waiting for
 * an exit.
 */
@ApplicationScoped
public class ContainerLocks {
    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    public <T> T with(String id, Supplier<T> action) {
        ReentrantLock lock = locks.computeIfAbsent(id, k -> new ReentrantLock());
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    public void run(String id, Runnable action) {
        with(id, () -> {
            action.run();
            return null;
        });
    }

    /** Drops a removed container's lock. */
    public void forget(String id) {
        locks.remove(id);
    }
}
