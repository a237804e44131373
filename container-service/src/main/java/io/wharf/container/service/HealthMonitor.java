package io.wharf.container.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.wharf.container.domain.HealthConfig;
import io.wharf.container.domain.HealthState;
import io.wharf.container.runtime.HealthProbe;
import io.wharf.container.store.ContainerEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs each running container's health check every Interval (the first one Interval after the
 * start, as moby): one scheduled task per container, cancelled when it exits.
 */
@ApplicationScoped
public class HealthMonitor {
    private static final Logger LOG = Logger.getLogger(HealthMonitor.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HealthProbe probe;
    private final HealthTransitions transitions;
    private final Map<String, ScheduledFuture<?>> tasks = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4, r -> {
        Thread t = new Thread(r, "health-check");
        t.setDaemon(true);
        return t;
    });

    public HealthMonitor(HealthProbe probe, HealthTransitions transitions) {
        this.probe = probe;
        this.transitions = transitions;
    }

    void onStop(@Observes ShutdownEvent event) {
        scheduler.shutdownNow();
    }

    /** For a container that has just started (or still runs after a restart of this service). */
    public void started(ContainerEntity c, boolean fresh) {
        Optional<HealthConfig> config = config(c);
        if (config.isEmpty()) {
            return;
        }
        if (fresh || c.healthJson == null) {
            transitions.starting(c.id);
        }
        HealthConfig h = config.get();
        long interval = h.interval().toNanos();
        ScheduledFuture<?> task = scheduler.scheduleWithFixedDelay(() -> check(c.id, h), interval, interval,
                TimeUnit.NANOSECONDS);
        ScheduledFuture<?> old = tasks.put(c.id, task);
        if (old != null) {
            old.cancel(false);
        }
    }

    /** The container exited (or is gone): no more probes. */
    public void stopped(String id) {
        ScheduledFuture<?> task = tasks.remove(id);
        if (task != null) {
            task.cancel(false);
        }
    }

    private void check(String id, HealthConfig config) {
        try {
            Instant start = Instant.now();
            HealthProbe.Result r = probe.run(id, config.command(), config.timeout());
            if (!tasks.containsKey(id)) {
                return; // exited meanwhile
            }
            transitions.probed(id, new HealthState.Probe(start, Instant.now(), r.exitCode(), r.output()), config);
        } catch (RuntimeException e) {
            LOG.warnf("health check of %s failed: %s", id, e.getMessage());
        }
    }

    private static Optional<HealthConfig> config(ContainerEntity c) {
        try {
            return HealthConfig.of(JSON.readTree(c.configJson));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
