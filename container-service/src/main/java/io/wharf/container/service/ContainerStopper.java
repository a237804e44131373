package io.wharf.container.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wharf.common.error.WharfException;
import io.wharf.container.domain.ContainerState;
import io.wharf.container.domain.Signals;
import io.wharf.container.runtime.OciRuntime;
import io.wharf.container.store.ContainerEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@code stop} (stop signal, grace period, SIGKILL) and {@code kill}. */
@ApplicationScoped
public class ContainerStopper {
    static final int DEFAULT_STOP_TIMEOUT = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ContainerLookup lookup;
    private final ContainerLocks locks;
    private final OciRuntime runtime;
    private final ContainerTransitions transitions;
    private final WaitRegistry waits;
    private final RestartSupervisor restarts;

    public ContainerStopper(ContainerLookup lookup, ContainerLocks locks, OciRuntime runtime,
            ContainerTransitions transitions, WaitRegistry waits, RestartSupervisor restarts) {
        this.lookup = lookup;
        this.locks = locks;
        this.runtime = runtime;
        this.transitions = transitions;
        this.waits = waits;
        this.restarts = restarts;
    }

    /** 304 if not running. {@code timeoutSeconds}: null for the container's StopTimeout or 10, negative to wait forever. */
    public void stop(String ref, Integer timeoutSeconds) {
        ContainerEntity found = lookup.resolve(ref);
        // marked under the lock, so a restart by policy either happened already or will not happen
        ContainerEntity c = locks.with(found.id, () -> {
            restarts.stoppedByUser(found.id);
            return lookup.resolve(found.id);
        });
        if (c.state != ContainerState.RUNNING) {
            throw WharfException.notModified();
        }
        JsonNode config = config(c);
        int signal = Signals.parse(config.path("StopSignal").asText(""), Signals.SIGTERM);
        int timeout = timeoutSeconds != null ? timeoutSeconds
                : config.hasNonNull("StopTimeout") ? config.get("StopTimeout").asInt() : DEFAULT_STOP_TIMEOUT;
        CompletableFuture<Integer> exit = waits.nextExit(c.id);
        if (!signal(c.id, signal)) {
            waits.cancel(c.id, exit);
            throw WharfException.notModified();
        }
        if (!await(exit, timeout)) {
            signal(c.id, Signals.SIGKILL);
            if (!await(exit, ContainerRemover.FORCE_KILL_WAIT_SECONDS)) {
                throw WharfException.system("container " + c.id + " did not exit after SIGKILL", null);
            }
        }
        transitions.stopped(c.id);
    }

    /** 409 if not running. */
    public void kill(String ref, String signalName) {
        ContainerEntity c = lookup.resolve(ref);
        int signal = Signals.parse(signalName, Signals.SIGKILL);
        locks.run(c.id, () -> restarts.stoppedByUser(c.id));
        if (!signal(c.id, signal)) {
            throw WharfException.conflict("Cannot kill container: " + ref + ": Container " + c.id + " is not running");
        }
    }

    /** Sends a signal to a running container and records the kill event; false if it is not running. */
    private boolean signal(String id, int signal) {
        return locks.with(id, () -> {
            ContainerEntity c = lookup.resolve(id);
            if (c.state != ContainerState.RUNNING || !runtime.kill(id, signal)) {
                return false;
            }
            transitions.killed(id, signal);
            return true;
        });
    }

    private static boolean await(CompletableFuture<Integer> exit, long seconds) {
        try {
            if (seconds < 0) {
                exit.get();
            } else {
                exit.get(seconds, TimeUnit.SECONDS);
            }
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw WharfException.system("waiting for exit failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw WharfException.system("interrupted while stopping", e);
        }
    }

    private static JsonNode config(ContainerEntity c) {
        try {
            return JSON.readTree(c.configJson);
        } catch (IOException e) {
            throw WharfException.system("stored config of " + c.id + " is not JSON", e);
        }
    }
}
