package io.wharf.volume.client;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.wharf.eventbus.envelope.Actions;
import io.wharf.eventbus.envelope.Event;
import io.wharf.eventbus.envelope.EventType;
import io.wharf.eventbus.serde.EventJson;
import io.wharf.eventbus.topic.KafkaSettings;
import io.wharf.volume.service.ReferenceSafetyNet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The safety net behind the host agent's synchronous release: every container {@code destroy} on
 * {@code wharf.container.events} drops what references the container still holds (a host agent that
 * crashed between deleting its row and calling us). An event is applied only once it is
 * {@code wharf.volume.safety-net-delay} old (30 s): the host agent's own release, which also removes the
 * anonymous volumes of {@code rm -v} and {@code --rm}, must find the references first. Consumer group
 * {@code volume-service}, offsets committed after each batch is applied.
 */
@ApplicationScoped
public class ContainerDestroyWatcher {
    private static final Logger LOG = Logger.getLogger(ContainerDestroyWatcher.class);

    private final KafkaSettings kafka;
    private final ReferenceSafetyNet safetyNet;
    private final boolean enabled;
    private final long delayMillis;
    private volatile boolean stopping;
    private volatile KafkaConsumer<String, String> consumer;

    public ContainerDestroyWatcher(KafkaSettings kafka, ReferenceSafetyNet safetyNet,
            @ConfigProperty(name = "wharf.volume.watch-container-events", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "wharf.volume.safety-net-delay", defaultValue = "30s") Duration delay) {
        this.delayMillis = delay.toMillis();
        this.kafka = kafka;
        this.safetyNet = safetyNet;
        this.enabled = enabled;
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        Thread t = new Thread(this::run, "container-destroy-watcher");
        t.setDaemon(true);
        t.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    private void run() {
        Properties p = kafka.readerProperties();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "volume-service");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        while (!stopping) {
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
                consumer = c;
                c.subscribe(List.of(EventType.CONTAINER.topic()));
                while (!stopping) {
                    for (ConsumerRecord<String, String> record : c.poll(Duration.ofSeconds(1))) {
                        apply(record.value());
                    }
                    c.commitSync();
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warnf("reading container events: %s (retrying)", e.getMessage());
                sleep();
            }
        }
    }

    private void apply(String json) {
        Event event;
        try {
            event = EventJson.read(json);
        } catch (RuntimeException e) {
            LOG.warnf("skipping an unreadable container event: %s", e.getMessage());
            return;
        }
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

    private static void sleep() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
