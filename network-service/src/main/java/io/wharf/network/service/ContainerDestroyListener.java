package io.wharf.network.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.wharf.eventbus.consumer.EventFollower;
import io.wharf.eventbus.envelope.Actions;
import io.wharf.eventbus.envelope.Event;
import io.wharf.eventbus.envelope.EventType;
import io.wharf.eventbus.outbox.EventDeduplicator;
import io.wharf.eventbus.topic.KafkaSettings;
import io.wharf.network.config.NetworkConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Frees a container's address leases when container-service publishes its {@code destroy}: whichever
 * service crashed on the way, the lease goes once the event is there. Consumer group
 * {@code network-service} ({@link EventFollower}), each event applied once ({@link EventDeduplicator}).
 */
@ApplicationScoped
public class ContainerDestroyListener {
    private static final Logger LOG = Logger.getLogger(ContainerDestroyListener.class);

    private final KafkaSettings kafka;
    private final EventDeduplicator dedup;
    private final EndpointService endpointService;
    private final boolean enabled;
    private EventFollower follower;

    public ContainerDestroyListener(KafkaSettings kafka, EventDeduplicator dedup, EndpointService endpointService,
            NetworkConfig config) {
        this.kafka = kafka;
        this.dedup = dedup;
        this.endpointService = endpointService;
        this.enabled = config.releaseOnDestroy();
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            follower = EventFollower.start(kafka, "network-service", EventType.CONTAINER, this::apply);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (follower != null) {
            follower.close();
        }
    }

    void apply(Event event) {
        if (!Actions.DESTROY.equals(event.action()) || event.actor() == null) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            if (dedup.firstTime(event.id())) {
                int n = endpointService.releaseAll(event.actor().id());
                if (n > 0) {
                    LOG.infof("released %d lease(s) of removed container %s", n, event.actor().id());
                }
            }
        });
    }
}
