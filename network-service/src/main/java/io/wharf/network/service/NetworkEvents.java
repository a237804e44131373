package io.wharf.network.service;

import io.wharf.eventbus.envelope.Actions;
import io.wharf.eventbus.envelope.EventType;
import io.wharf.eventbus.outbox.EventPublisher;
import io.wharf.network.store.NetworkEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Network events as moby logs them: actor id the network id, attributes {@code name} and {@code type}
 * (the driver), plus {@code container} for connect and disconnect. Call inside the changing transaction.
 */
@ApplicationScoped
public class NetworkEvents {
    private final EventPublisher publisher;

    public NetworkEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    public void created(NetworkEntity n) {
        publisher.publish(EventType.NETWORK, Actions.CREATE, n.id, Map.of("name", n.name, "type", n.driver));
    }

    public void destroyed(NetworkEntity n) {
        publisher.publish(EventType.NETWORK, Actions.DESTROY, n.id, Map.of("name", n.name, "type", n.driver));
    }

    public void connected(NetworkEntity n, String containerId) {
        publisher.publish(EventType.NETWORK, Actions.CONNECT, n.id,
                Map.of("name", n.name, "type", n.driver, "container", containerId));
    }

    public void disconnected(NetworkEntity n, String containerId) {
        publisher.publish(EventType.NETWORK, Actions.DISCONNECT, n.id,
                Map.of("name", n.name, "type", n.driver, "container", containerId));
    }

    /** moby logs one {@code prune} event with the space reclaimed (always 0 for networks). */
    public void pruned() {
        publisher.publish(EventType.NETWORK, "prune", "", Map.of("reclaimed", "0"));
    }
}
