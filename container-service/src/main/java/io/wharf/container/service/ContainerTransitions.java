package io.wharf.container.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wharf.common.error.WharfException;
import io.wharf.container.domain.ContainerNames;
import io.wharf.container.domain.ContainerState;
import io.wharf.container.domain.NameGenerator;
import io.wharf.container.store.ContainerEntity;
import io.wharf.container.store.ContainerRepository;
import io.wharf.eventbus.envelope.Actions;
import io.wharf.eventbus.envelope.EventType;
import io.wharf.eventbus.outbox.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every change of a container row, each in one transaction with the Docker event describing it
 * (transactional outbox): no state change without its event, no event without its change.
 */
@ApplicationScoped
public class ContainerTransitions {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ContainerRepository repository;
    private final EventPublisher events;

    public ContainerTransitions(ContainerRepository repository, EventPublisher events) {
        this.repository = repository;
        this.events = events;
    }

    /**
     * Records a new container under the requested name (409 if taken) or, without one, under a
     * generated name that is free.
     */
    @Transactional
    public void created(ContainerEntity container, String requestedName) {
        if (requestedName != null) {
            repository.findByName(requestedName).ifPresent(holder -> {
                throw ContainerNames.conflict(requestedName, holder.id);
            });
            container.name = requestedName;
        } else {
            for (int retry = 0; container.name == null; retry++) {
                String candidate = NameGenerator.generate(retry);
                if (repository.findByName(candidate).isEmpty()) {
                    container.name = candidate;
                }
            }
        }
        repository.persist(container);
        publish(container, Actions.CREATE, Map.of());
    }

    @Transactional
    public ContainerEntity started(String id, int pid, Instant at) {
        ContainerEntity c = load(id);
        c.state = ContainerState.RUNNING;
        c.pid = pid;
        c.startedAt = at;
        c.finishedAt = null;
        c.exitCode = 0;
        c.error = null;
        c.oomKilled = false;
        publish(c, Actions.START, Map.of());
        return c;
    }

    /** An exit; one by the OOM killer publishes {@code oom} before {@code die}, as moby. */
    @Transactional
    public ContainerEntity exited(String id, int exitCode, Instant at, String error, boolean oomKilled) {
        ContainerEntity c = load(id);
        c.oomKilled = oomKilled;
        if (oomKilled) {
            publish(c, Actions.OOM, Map.of());
        }
        c.state = ContainerState.EXITED;
        c.paused = false;
        c.pid = 0;
        c.exitCode = exitCode;
        c.finishedAt = at;
        c.error = error;
        publish(c, Actions.DIE, Map.of("exitCode", Integer.toString(exitCode)));
        return c;
    }

    /**
     * A start that failed: Docker keeps the container in its state (created, or exited after an earlier
     * run) with the error and moby's exit code (127, 126 or 128), and it dies.
     */
    @Transactional
    public void startFailed(String id, String error, int exitCode) {
        ContainerEntity c = load(id);
        c.error = error;
        c.exitCode = exitCode;
        c.pid = 0;
        publish(c, Actions.DIE, Map.of("exitCode", Integer.toString(exitCode)));
    }

    @Transactional
    public void killed(String id, int signal) {
        publish(load(id), Actions.KILL, Map.of("signal", Integer.toString(signal)));
    }

    @Transactional
    public void stopped(String id) {
        publish(load(id), Actions.STOP, Map.of());
    }

    @Transactional
    public void attached(String id) {
        publish(load(id), Actions.ATTACH, Map.of());
    }

    /** 409 if another container holds the name; {@code rename} carries the old name with its slash. */
    @Transactional
    public void renamed(String id, String newName) {
        ContainerEntity c = load(id);
        repository.findByName(newName).ifPresent(holder -> {
            throw ContainerNames.conflict(newName, holder.id);
        });
        String oldName = c.name;
        c.name = newName;
        publish(c, Actions.RENAME, Map.of("oldName", "/" + oldName));
    }

    /** Kept in the row, so restart policies still know after an agent restart. */
    @Transactional
    public void manuallyStopped(String id, boolean stopped) {
        load(id).manuallyStopped = stopped;
    }

    /** A restart by policy: counted, no event of its own (moby: die, then start). */
    @Transactional
    public void restartCounted(String id) {
        load(id).restartCount++;
    }

    @Transactional
    public void restarted(String id) {
        publish(load(id), Actions.RESTART, Map.of());
    }

    /** The daemon-wide {@code prune} event of the container type, with the bytes reclaimed. */
    @Transactional
    public void pruned(long reclaimed) {
        events.publish(EventType.CONTAINER, "prune", "", Map.of("reclaimed", Long.toString(reclaimed)));
    }

    @Transactional
    public void removing(String id) {
        load(id).state = ContainerState.REMOVING;
    }

    @Transactional
    public void destroyed(String id) {
        ContainerEntity c = load(id);
        publish(c, Actions.DESTROY, Map.of());
        repository.delete(c);
    }

    private ContainerEntity load(String id) {
        return repository.findByIdOptional(id).orElseThrow(() -> WharfException.notFound("No such container: " + id));
    }

    private void publish(ContainerEntity c, String action, Map<String, String> extra) {
        events.publish(EventType.CONTAINER, action, c.id, attributes(c, extra));
    }

    /** moby's order: the container's labels, then image and name (which win), then the action's own. */
    static Map<String, String> attributes(ContainerEntity c, Map<String, String> extra) {
        Map<String, String> attributes = new LinkedHashMap<>();
        try {
            JsonNode labels = JSON.readTree(c.configJson).path("Labels");
            labels.properties().forEach(e -> attributes.put(e.getKey(), e.getValue().asText()));
        } catch (IOException e) {
            throw WharfException.system("stored config of " + c.id + " is not JSON", e);
        }
        attributes.put("image", c.imageRef);
        attributes.put("name", c.name);
        attributes.putAll(extra);
        return attributes;
    }
}
