package io.wharf.container.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.wharf.container.domain.ContainerState;
import io.wharf.container.domain.RestartPolicy;
import io.wharf.container.store.ContainerEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Restart policies: after an exit the user did not ask for, starts the container again after moby's
 * back-off (events: {@code die}, then {@code start}; no {@code restart}) and counts it in RestartCount.
 * A stop or kill through the API marks the container manually stopped until its next start; the mark is
 * kept in its row, so when the agent starts, stopped containers are started as dockerd does at its start.
 */
@ApplicationScoped
public class RestartSupervisor {
    private static final Logger LOG = Logger.getLogger(RestartSupervisor.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ContainerLookup lookup;
    private final ContainerStarter starter;
    private final ContainerTransitions transitions;
    private final ContainerLocks locks;
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "restart-policy");
        t.setDaemon(true);
        return t;
    });

    public RestartSupervisor(ContainerLookup lookup, ContainerStarter starter, ContainerTransitions transitions,
            ContainerLocks locks) {
        this.lookup = lookup;
        this.starter = starter;
        this.transitions = transitions;
        this.locks = locks;
    }

    void onStop(@Observes ShutdownEvent event) {
        scheduler.shutdownNow();
    }

    /** A stop or kill from the API: the coming exit does not restart, nor does a pending restart happen. */
    public void stoppedByUser(String id) {
        transitions.manuallyStopped(id, true);
    }

    /** An API start: policies apply again to the next exit. */
    public void startedByUser(String id) {
        transitions.manuallyStopped(id, false);
    }

    public void forget(String id) {
        delays.remove(id);
    }

    /** The agent started: stopped containers whose policy says so start again, as at dockerd's start. */
    public void agentStarted() {
        for (ContainerEntity c : lookup.all()) {
            if (c.state != ContainerState.EXITED || c.autoRemove) {
                continue;
            }
            RestartPolicy policy = policyOf(c);
            if (policy != null && policy.restartsWhenTheAgentStarts(c.exitCode, c.restartCount, stopped(c))) {
                scheduler.execute(() -> startAgain(c.id));
            }
        }
    }

    private void startAgain(String id) {
        try {
            locks.run(id, () -> {
                Optional<ContainerEntity> c = lookup.findById(id);
                if (c.isPresent() && c.get().state == ContainerState.EXITED) {
                    LOG.infof("restart policy: starting %s as the agent starts", id);
                    transitions.manuallyStopped(id, false);
                    starter.start(id);
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("restart policy: cannot start %s: %s", id, e.getMessage());
        }
    }

    private static boolean stopped(ContainerEntity c) {
        return Boolean.TRUE.equals(c.manuallyStopped);
    }

    private static RestartPolicy policyOf(ContainerEntity c) {
        try {
            return RestartPolicy.of(JSON.readTree(c.hostConfigJson));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Called once an exit is recorded. */
    public void exited(String id, int exitCode, Instant startedAt, Instant finishedAt) {
        Optional<ContainerEntity> found = lookup.findById(id);
        if (found.isEmpty() || stopped(found.get()) || found.get().autoRemove) {
            return;
        }
        ContainerEntity c = found.get();
        RestartPolicy policy = policyOf(c);
        if (policy == null || !policy.shouldRestart(exitCode, c.restartCount)) {
            delays.remove(id);
            return;
        }
        Duration ran = startedAt == null || finishedAt == null ? Duration.ZERO : Duration.between(startedAt, finishedAt);
        Duration delay = RestartPolicy.nextDelay(delays.get(id), ran);
        delays.put(id, delay);
        scheduler.schedule(() -> restart(id), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Under the container's lock, as stop and kill mark it: a stop never loses to a pending restart. */
    private void restart(String id) {
        try {
            locks.run(id, () -> {
                Optional<ContainerEntity> c = lookup.findById(id);
                if (c.isEmpty() || stopped(c.get()) || c.get().state != ContainerState.EXITED) {
                    return;
                }
                transitions.restartCounted(id);
                starter.start(id);
            });
        } catch (RuntimeException e) {
            LOG.warnf("restart policy: cannot restart %s: %s", id, e.getMessage());
        }
    }
}
