package io.wharf.container.service;

import io.wharf.common.error.ErrorKind;
import io.wharf.common.error.WharfException;
import io.wharf.container.domain.ContainerState;
import io.wharf.container.domain.StartFailures;
import io.wharf.container.runtime.OciRuntime;
import io.wharf.container.service.mount.ContainerMounts;
import io.wharf.container.service.network.ContainerNetworking;
import io.wharf.container.store.ContainerEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Instant;
import org.jboss.logging.Logger;

/** {@code POST /containers/{id}/start}: mount the rootfs, write the bundle, launch under conmon. */
@ApplicationScoped
public class ContainerStarter {
    private static final Logger LOG = Logger.getLogger(ContainerStarter.class);
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final ContainerLookup lookup;
    private final ContainerLocks locks;
    private final RootfsService rootfs;
    private final BundleWriter bundles;
    private final OciRuntime runtime;
    private final ContainerTransitions transitions;
    private final HealthMonitor health;

    private final WaitRegistry waits;
    private final ContainerRemover remover;
    @jakarta.inject.Inject
    ContainerMounts mounts;
    @jakarta.inject.Inject
    ContainerNetworking networking;

    public ContainerStarter(ContainerLookup lookup, ContainerLocks locks, RootfsService rootfs, BundleWriter bundles,
            OciRuntime runtime, ContainerTransitions transitions, HealthMonitor health, WaitRegistry waits,
            ContainerRemover remover) {
        this.waits = waits;
        this.remover = remover;
        this.lookup = lookup;
        this.locks = locks;
        this.rootfs = rootfs;
        this.bundles = bundles;
        this.runtime = runtime;
        this.transitions = transitions;
        this.health = health;
    }

    /**
     * 304 when already running. A start that fails finishes the container as moby does: error and exit
     * code recorded, waiters and attached streams completed, AutoRemove applied; then the error is thrown.
     */
    public void start(String ref) {
        String id = lookup.resolve(ref).id;
        FailedStart failed = locks.with(id, () -> startLocked(id));
        if (failed == null) {
            return;
        }
        waits.exited(id, failed.exitCode());
        if (failed.autoRemove()) {
            try {
                remover.removeStopped(id);
            } catch (RuntimeException e) {
                LOG.warnf("auto-removing %s after its failed start: %s", id, e.getMessage());
            }
        }
        throw failed.error();
    }

    private record FailedStart(WharfException error, int exitCode, boolean autoRemove) {
    }

    private FailedStart startLocked(String id) {
        ContainerEntity c = lookup.resolve(id);
        if (c.state == ContainerState.RUNNING) {
            throw WharfException.notModified();
        }
        if (c.state == ContainerState.REMOVING || c.state == ContainerState.DEAD) {
            throw WharfException.conflict("cannot start container " + c.id + ": it is " + c.state.dockerName());
        }
        long t0 = System.nanoTime();
        try {
            Path merged = rootfs.mount(c);
            Path dir = rootfs.dir(id);
            networking.attach(c);
            bundles.write(c, dir, merged);
            int pid = runtime.launch(new OciRuntime.Launch(id, c.name, dir, dir.resolve("ctr.log"), c.tty,
                    configFlag(c, "OpenStdin"), configFlag(c, "StdinOnce")));
            transitions.started(id, pid, Instant.now());
            mounts.started(c);
            health.started(c, true);
            LOG.debugf("started %s (pid %d) in %d ms", id, pid, (System.nanoTime() - t0) / 1_000_000);
            return null;
        } catch (RuntimeException e) {
            cleanUpFailedStart(id);
            WharfException failure = translate(e);
            int exitCode = StartFailures.exitCode(failure.getMessage());
            transitions.startFailed(id, failure.getMessage(), exitCode);
            return new FailedStart(failure, exitCode, c.autoRemove);
        }
    }

    private void cleanUpFailedStart(String id) {
        mounts.stopped(id, false);
        try {
            networking.detach(id);
        } catch (RuntimeException e) {
            LOG.warnf("cleanup of failed start %s: %s", id, e.getMessage());
        }
        try {
            runtime.delete(id);
        } catch (RuntimeException e) {
            LOG.warnf("cleanup of failed start %s: %s", id, e.getMessage());
        }
        try {
            rootfs.unmount(id);
        } catch (RuntimeException e) {
            LOG.warnf("cleanup of failed start %s: %s", id, e.getMessage());
        }
    }

    /** Like moby: a missing executable is the user's error (400), not the daemon's. */
    static WharfException translate(RuntimeException e) {
        String message = StartFailures.clean(e.getMessage() == null ? e.toString() : e.getMessage());
        if (StartFailures.userError(message)) {
            return new WharfException(ErrorKind.INVALID_PARAMETER,
                    "failed to create task for container: " + message + ": unknown", e);
        }
        if (e instanceof WharfException w) {
            return w;
        }
        return WharfException.system(message, e);
    }

    private static boolean configFlag(ContainerEntity c, String field) {
        try {
            return JSON.readTree(c.configJson).path(field).asBoolean(false);
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
