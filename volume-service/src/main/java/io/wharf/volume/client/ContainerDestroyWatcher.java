package io.wharf.volume.client;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.wharf.eventbus.consumer.EventFollower;
import io.wharf.eventbus.envelope.Actions;
import io.wharf.eventbus.envelope.Event;
import io.wharf.eventbus.envelope.EventType;
import io.wharf.eventbus.topic.KafkaSettings;
import io.wharf.volume.service.ReferenceSafetyNet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.apache.kafka.common.errors.WakeupException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The safety net behind the host agent's synchronous release: every container {@code destroy} on
 * {@code wharf.container.events} drops what references the container still holds (a host agent that
 * crashed between deleting its row and calling us). An event is applied only once it is
 * {@code wharf.volume.safety-net-delay} old (30 s): the host agent's own release, which also removes the
 * anonymous volumes of {@code rm -v} and {@code --rm}, must find the references first. Consumer group
 * {@code volume-service} ({@link EventFollower}).
 */
@ApplicationScoped
public class ContainerDestroyWatcher {
    private final KafkaSettings kafka;
    private final ReferenceSafetyNet safetyNet;
    private final boolean enabled;
    private final long delayMillis;
    private volatile boolean stopping;
    private EventFollower follower;

    public ContainerDestroyWatcher(KafkaSettings kafka, ReferenceSafetyNet safetyNet,
            @ConfigProperty(name = "wharf.volume.watch-container-events", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "wharf.volume.safety-net-delay", defaultValue = "30s") Duration delay) {
        this.delayMillis = delay.toMillis();
        this.kafka = kafka;
        this.safetyNet = safetyNet;
        this.enabled = enabled;
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            follower = EventFollower.start(kafka, "volume-service", EventType.CONTAINER, this::apply);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        if (follower != null) {
            follower.close();
        }
    }

    private void apply(Event event) {
        if (Actions.DESTROY.equals(event.action()) && event.actor() != null) {
            waitUntil(event.timeMillis() + delayMillis);
            safetyNet.containerDestroyed(event.id(), event.actor().id());
        }
    }

    private void waitUntil(long epochMillis) {
        while (!stopping && System.currentTimeMillis() < epochMillis) {
            try {
                Thread.sleep(Math.min(500, Math.max(1, epochMillis - System.currentTimeMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (stopping) {
            throw new WakeupException();
        }
    }
}
