package io.wharf.image.service.registry;

import io.quarkus.runtime.ShutdownEvent;
import io.wharf.image.config.RegistryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for pulls, pushes and their layer transfers, and the service-wide limits on concurrent
 * downloads and uploads (dockerd's max-concurrent-downloads 3 / -uploads 5): a transfer that must
 * wait for a slot says "Waiting" first.
 */
@ApplicationScoped
public class LayerTransfers {
    private final ExecutorService threads;
    private final Semaphore downloads;
    private final Semaphore uploads;

    public LayerTransfers(RegistryConfig config) {
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "registry-transfer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.downloads = new Semaphore(config.maxDownloads(), true);
        this.uploads = new Semaphore(config.maxUploads(), true);
    }

    public ExecutorService threads() {
        return threads;
    }

    public Semaphore downloads() {
        return downloads;
    }

    public Semaphore uploads() {
        return uploads;
    }

    void stop(@Observes ShutdownEvent event) {
        threads.shutdownNow();
    }
}
