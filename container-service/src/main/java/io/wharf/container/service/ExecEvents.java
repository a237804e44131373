package io.wharf.container.service;

import io.wharf.container.store.ContainerEntity;
import io.wharf.eventbus.envelope.EventType;
import io.wharf.eventbus.outbox.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;

/** moby's exec events: {@code exec_create: <cmd>}, {@code exec_start: <cmd>}, {@code exec_die}. */
@ApplicationScoped
public class ExecEvents {
    private final ContainerLookup lookup;
    private final EventPublisher events;

    public ExecEvents(ContainerLookup lookup, EventPublisher events) {
        this.lookup = lookup;
        this.events = events;
    }

    @Transactional
    public void created(ExecSession s) {
        publish(s, "exec_create: " + s.config().commandLine(), Map.of("execID", s.id()));
    }

    @Transactional
    public void started(ExecSession s) {
        publish(s, "exec_start: " + s.config().commandLine(), Map.of("execID", s.id()));
    }

    @Transactional
    public void died(ExecSession s, int exitCode) {
        publish(s, "exec_die", Map.of("execID", s.id(), "exitCode", Integer.toString(exitCode)));
    }

    private void publish(ExecSession s, String action, Map<String, String> extra) {
        ContainerEntity c = lookup.findById(s.containerId()).orElse(null);
        if (c == null) {
            return;
        }
        events.publish(EventType.CONTAINER, action, c.id, ContainerTransitions.attributes(c, extra));
    }
}
