package io.wharf.volume.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One lock per volume name. Creating, referencing and removing a volume each hold it across the
 * driver call and the commit, so a reference can never be added to a volume being removed (nor a
 * volume removed while a reference is being added).
 */
@ApplicationScoped
public class VolumeLocks {
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    public <T> T with(String name, Supplier<T> work) {
        ReentrantLock lock = locks.computeIfAbsent(name, n -> new ReentrantLock());
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    public void run(String name, Runnable work) {
        with(name, () -> {
            work.run();
            return null;
        });
    }
}
