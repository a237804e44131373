package io.wharf.container.service;

import io.wharf.common.error.ErrorKind;
import io.wharf.common.error.WharfException;
import io.wharf.container.domain.ContainerState;
import io.wharf.container.runtime.OciRuntime;
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

    public ContainerStarter(ContainerLookup lookup, ContainerLocks locks, RootfsService rootfs, BundleWriter bundles,
            OciRuntime runtime, ContainerTransitions transitions, HealthMonitor health) {
        this.lookup = lookup;
        this.locks = locks;
        this.rootfs = rootfs;
        this.bundles = bundles;
        this.runtime = runtime;
        this.transitions = transitions;
        this.health = health;
    }

    /** 304 when already running. */
    public void start(String ref) {
        String id = lookup.resolve(ref).id;
        locks.run(id, () -> startLocked(id));
    }

    private void startLocked(String id) {
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
            bundles.write(c, dir, merged);
            int pid = runtime.launch(new OciRuntime.Launch(id, c.name, dir, dir.resolve("ctr.log"), c.tty,
                    configFlag(c, "OpenStdin"), configFlag(c, "StdinOnce")));
            transitions.started(id, pid, Instant.now());
            health.started(c, true);
            LOG.debugf("started %s (pid %d) in %d ms", id, pid, (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            cleanUpFailedStart(id);
            WharfException failure = translate(e);
            transitions.startFailed(id, failure.getMessage());
            throw failure;
        }
    }

    private void cleanUpFailedStart(String id) {
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
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (message.contains("executable file not found") || message.contains("no such file or directory")
                || message.contains("permission denied")) {
            return new WharfException(ErrorKind.INVALID_PARAMETER, "failed to create task for container: " + message, e);
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
