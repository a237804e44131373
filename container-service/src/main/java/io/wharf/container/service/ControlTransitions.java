package io.wharf.container.service;

import io.wharf.common.error.WharfException;
import io.wharf.container.store.ContainerEntity;
import io.wharf.container.store.ContainerRepository;
import io.wharf.eventbus.envelope.Actions;
import io.wharf.eventbus.envelope.EventType;
import io.wharf.eventbus.outbox.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;

/** The row changes of pause, unpause and update, each with its event in the same transaction. */
@ApplicationScoped
public class ControlTransitions {
    private final ContainerRepository repository;
    private final EventPublisher events;

    public ControlTransitions(ContainerRepository repository, EventPublisher events) {
        this.repository = repository;
        this.events = events;
    }

    @Transactional
    public void paused(String id, boolean paused) {
        ContainerEntity c = load(id);
        c.paused = paused;
        events.publish(EventType.CONTAINER, paused ? Actions.PAUSE : Actions.UNPAUSE, c.id,
                ContainerTransitions.attributes(c, Map.of()));
    }

    @Transactional
    public void updated(String id, String hostConfigJson) {
        ContainerEntity c = load(id);
        c.hostConfigJson = hostConfigJson;
        events.publish(EventType.CONTAINER, Actions.UPDATE, c.id, ContainerTransitions.attributes(c, Map.of()));
    }

    private ContainerEntity load(String id) {
        return repository.findByIdOptional(id).orElseThrow(() -> WharfException.notFound("No such container: " + id));
    }
}
