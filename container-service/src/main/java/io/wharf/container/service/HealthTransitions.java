package io.wharf.container.service;

import io.wharf.common.error.WharfException;
import io.wharf.container.domain.ContainerState;
import io.wharf.container.domain.HealthConfig;
import io.wharf.container.domain.HealthState;
import io.wharf.container.store.ContainerEntity;
import io.wharf.container.store.ContainerRepository;
import io.wharf.eventbus.envelope.Actions;
import io.wharf.eventbus.envelope.EventType;
import io.wharf.eventbus.outbox.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;

/** Health state changes of a container row, each with its {@code health_status: <status>} event. */
@ApplicationScoped
public class HealthTransitions {
    private final ContainerRepository repository;
    private final EventPublisher events;

    public HealthTransitions(ContainerRepository repository, EventPublisher events) {
        this.repository = repository;
        this.events = events;
    }

    /** A started container with a health check is "starting" (no event, as moby). */
    @Transactional
    public void starting(String id) {
        ContainerEntity c = load(id);
        c.healthJson = HealthState.starting(c.healthJson);
    }

    /** Records one probe of a running container; a changed status publishes {@code health_status: <status>}. */
    @Transactional
    public void probed(String id, HealthState.Probe probe, HealthConfig config) {
        ContainerEntity c = repository.findByIdOptional(id).orElse(null);
        if (c == null || c.state != ContainerState.RUNNING || c.healthJson == null) {
            return;
        }
        String before = HealthState.status(c.healthJson);
        c.healthJson = HealthState.record(c.healthJson, probe, config, c.startedAt);
        String after = HealthState.status(c.healthJson);
        if (!after.equals(before)) {
            events.publish(EventType.CONTAINER, Actions.HEALTH_STATUS + ": " + after, c.id,
                    ContainerTransitions.attributes(c, Map.of()));
        }
    }

    private ContainerEntity load(String id) {
        return repository.findByIdOptional(id).orElseThrow(() -> WharfException.notFound("No such container: " + id));
    }
}
