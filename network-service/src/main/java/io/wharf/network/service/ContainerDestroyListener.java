package io.wharf.network.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.wharf.eventbus.envelope.Actions;
import io.wharf.eventbus.envelope.Event;
import io.wharf.eventbus.envelope.EventType;
import io.wharf.eventbus.outbox.EventDeduplicator;
import io.wharf.eventbus.serde.EventJson;
import io.wharf.eventbus.topic.KafkaSettings;
import io.wharf.network.config.NetworkConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Frees a container's address leases when container-service publishes its {@code destroy}: whichever
 * service crashed on the way, the lease goes once the event is there. A consumer group of its own
 * (committed offsets), applying each event once ({@link EventDeduplicator}).
 */
@ApplicationScoped
public class ContainerDestroyListener {
    private static final Logger LOG = Logger.getLogger(ContainerDestroyListener.class);

    private final KafkaSettings kafka;
    private final EventDeduplicator dedup;
    private final EndpointService endpointService;
    private final boolean enabled;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile boolean stopping;
    private Thread thread;

    public ContainerDestroyListener(KafkaSettings kafka, EventDeduplicator dedup, EndpointService endpointService,
            NetworkConfig config) {
        this.kafka = kafka;
        this.dedup = dedup;
        this.endpointService = endpointService;
        this.enabled = config.releaseOnDestroy();
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        thread = new Thread(this::run, "container-destroy-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    private void run() {
        while (!stopping) {
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(properties())) {
                consumer = c;
                c.subscribe(List.of(EventType.CONTAINER.topic()));
                while (!stopping) {
                    for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                        apply(r.value());
                    }
                    c.commitSync();
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warnf("container events: %s (retrying)", e.getMessage());
                sleep();
            }
        }
    }

    void apply(String payload) {
        Event event = EventJson.read(payload);
        if (event.type() != EventType.CONTAINER || !Actions.DESTROY.equals(event.action())) {
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

    private Properties properties() {
        Properties p = kafka.readerProperties();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "network-service");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return p;
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
