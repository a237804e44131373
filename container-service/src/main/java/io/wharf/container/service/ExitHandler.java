package io.wharf.container.service;

import io.quarkus.runtime.ShutdownEvent;
import io.wharf.container.domain.ContainerState;
import io.wharf.container.config.WharfConfig;
import io.wharf.container.runtime.ExitWatcher;
import io.wharf.container.runtime.OomCounter;
import io.wharf.container.runtime.OciRuntime;
import io.wharf.container.store.ContainerEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Finishes containers whose monitor reported an exit: records exit code and time, releases the
 * rootfs and runtime state, publishes {@code die}, applies AutoRemove, then wakes waiters.
 */
@ApplicationScoped
public class ExitHandler {
    private static final Logger LOG = Logger.getLogger(ExitHandler.class);
    /** The exit code recorded when a container's monitor vanished without reporting. */
    static final int LOST_EXIT_CODE = 255;

    private final ExitWatcher exits;
    private final ContainerLookup lookup;
    private final ContainerLocks locks;
    private final OciRuntime runtime;
    private final RootfsService rootfs;
    private final ContainerTransitions transitions;
    private final WaitRegistry waits;
    private final ContainerRemover remover;
    private final RestartSupervisor restarts;
    private final HealthMonitor health;
    private final OomCounter ooms;
    private final String cgroupParent;
    @jakarta.inject.Inject
    ExecRegistry execs;
    @jakarta.inject.Inject
    io.wharf.container.service.mount.ContainerMounts mounts;
    @jakarta.inject.Inject
    io.wharf.container.service.network.ContainerNetworking networking;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "exit-handler");
        t.setDaemon(true);
        return t;
    });

    public ExitHandler(ExitWatcher exits, ContainerLookup lookup, ContainerLocks locks, OciRuntime runtime,
            RootfsService rootfs, ContainerTransitions transitions, WaitRegistry waits, ContainerRemover remover,
            RestartSupervisor restarts, HealthMonitor health, OomCounter ooms, WharfConfig config) {
        this.exits = exits;
        this.lookup = lookup;
        this.locks = locks;
        this.runtime = runtime;
        this.rootfs = rootfs;
        this.transitions = transitions;
        this.waits = waits;
        this.remover = remover;
        this.restarts = restarts;
        this.health = health;
        this.ooms = ooms;
        this.cgroupParent = config.runtime().cgroupParent();
    }

    /** Starts handling exit files (after the {@link Reconciler} went through the recorded containers). */
    void startWatching() {
        exits.watch(id -> executor.execute(() -> handle(id)));
    }

    void onStop(@Observes ShutdownEvent event) {
        exits.stop();
        executor.shutdown();
    }

    /** Records the exit of a container whose monitor vanished without writing an exit file. */
    void monitorLost(String id) {
        finish(id, LOST_EXIT_CODE, Instant.now(), "container monitor exited without reporting");
    }

    /** Handles an exit file; repeated or stale reports are ignored. */
    public void handle(String id) {
        try {
            exits.exit(id).ifPresent(exit -> finish(id, exit.code(), exit.at(), null));
        } catch (RuntimeException e) {
            LOG.errorf(e, "handling the exit of %s failed", id);
        }
    }

    private void finish(String id, int exitCode, Instant at, String error) {
        Instant[] startedAt = new Instant[1];
        Boolean autoRemove = locks.with(id, () -> {
            Optional<ContainerEntity> c = lookup.findById(id);
            if (c.isEmpty() || c.get().state != ContainerState.RUNNING) {
                exits.clear(id);
                return null;
            }
            startedAt[0] = c.get().startedAt;
            health.stopped(id);
            boolean oomKilled = ooms.oomKills("/" + cgroupParent + "/" + id) > 0;
            release(id);
            mounts.stopped(id, true);
            ContainerEntity done = transitions.exited(id, exitCode, at, error, oomKilled);
            execs.forget(id);
            exits.clear(id);
            return done.autoRemove;
        });
        if (autoRemove == null) {
            return;
        }
        waits.exited(id, exitCode);
        if (autoRemove) {
            remover.removeStopped(id);
        } else {
            restarts.exited(id, exitCode, startedAt[0], at);
        }
    }

    /** Runtime state and the rootfs mount go first: a recorded exit never leaves a mount behind. */
    private void release(String id) {
        try {
            runtime.delete(id);
        } catch (RuntimeException e) {
            LOG.warnf("releasing runtime state of %s: %s", id, e.getMessage());
        }
        try {
            rootfs.unmount(id);
        } catch (RuntimeException e) {
            LOG.warnf("unmounting rootfs of %s: %s", id, e.getMessage());
        }
        try {
            networking.detach(id);
        } catch (RuntimeException e) {
            LOG.warnf("releasing the networking of %s: %s", id, e.getMessage());
        }
    }
}
