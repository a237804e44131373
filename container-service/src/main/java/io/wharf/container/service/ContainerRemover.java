package io.wharf.container.service;

import io.wharf.common.error.WharfException;
import io.wharf.container.domain.ContainerState;
import io.wharf.container.domain.Signals;
import io.wharf.container.runtime.ExitWatcher;
import io.wharf.container.runtime.OciRuntime;
import io.wharf.container.store.ContainerEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@code DELETE /containers/{id}}: nothing is left behind (mounts, runc state, cgroups, files, row). */
@ApplicationScoped
public class ContainerRemover {
    static final long FORCE_KILL_WAIT_SECONDS = 30;

    private final ContainerLookup lookup;
    private final ContainerLocks locks;
    private final OciRuntime runtime;
    private final RootfsService rootfs;
    private final ExitWatcher exits;
    private final ContainerTransitions transitions;
    private final WaitRegistry waits;
    private final RestartSupervisor restarts;

    public ContainerRemover(ContainerLookup lookup, ContainerLocks locks, OciRuntime runtime, RootfsService rootfs,
            ExitWatcher exits, ContainerTransitions transitions, WaitRegistry waits,
            RestartSupervisor restarts) {
        this.lookup = lookup;
        this.locks = locks;
        this.runtime = runtime;
        this.rootfs = rootfs;
        this.exits = exits;
        this.transitions = transitions;
        this.waits = waits;
        this.restarts = restarts;
    }

    @jakarta.inject.Inject
    io.wharf.container.service.mount.ContainerMounts mounts;

    public void remove(String ref, boolean force) {
        remove(ref, force, false);
    }

    /** {@code volumes}: rm -v, the container's anonymous volumes go too. */
    public void remove(String ref, boolean force, boolean volumes) {
        ContainerEntity c = lookup.resolve(ref);
        if (c.state == ContainerState.RUNNING) {
            if (!force) {
                throw WharfException.conflict("You cannot remove a running container " + c.id
                        + ". Stop the container before attempting removal or force remove");
            }
            killAndAwaitExit(c.id);
        }
        removeStopped(c.id, volumes);
    }

    /** Removes a container that is not running (also used for AutoRemove after an exit, which takes its anonymous volumes). */
    public void removeStopped(String id) {
        removeStopped(id, false);
    }

    private void removeStopped(String id, boolean volumes) {
        locks.run(id, () -> {
            Optional<ContainerEntity> current = lookup.find(id);
            if (current.isEmpty() || !current.get().id.equals(id)) {
                return; // removed meanwhile (AutoRemove)
            }
            ContainerEntity c = current.get();
            if (c.state == ContainerState.RUNNING) {
                throw WharfException.conflict("You cannot remove a running container " + id
                        + ". Stop the container before attempting removal or force remove");
            }
            transitions.removing(id);
            runtime.delete(id);
            rootfs.delete(id);
            exits.clear(id);
            transitions.destroyed(id);
            mounts.removed(id, c.mountsJson, volumes || c.autoRemove);
            waits.removed(id, c.exitCode);
        });
        locks.forget(id);
        restarts.forget(id);
    }

    private void killAndAwaitExit(String id) {
        restarts.stoppedByUser(id);
        CompletableFuture<Integer> exit = waits.nextExit(id);
        boolean signalled = locks.with(id, () -> {
            ContainerEntity c = lookup.resolve(id);
            if (c.state != ContainerState.RUNNING || !runtime.kill(id, Signals.SIGKILL)) {
                return false;
            }
            transitions.killed(id, Signals.SIGKILL);
            return true;
        });
        if (!signalled) {
            waits.cancel(id, exit);
            return;
        }
        try {
            exit.get(FORCE_KILL_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw WharfException.system("container " + id + " did not exit after SIGKILL", e);
        } catch (ExecutionException e) {
            throw WharfException.system("waiting for " + id + " to exit failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw WharfException.system("interrupted while removing " + id, e);
        }
    }
}
