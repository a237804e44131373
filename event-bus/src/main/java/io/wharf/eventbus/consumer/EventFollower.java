package io.wharf.eventbus.consumer;

import io.wharf.eventbus.envelope.Event;
import io.wharf.eventbus.envelope.EventType;
import io.wharf.eventbus.serde.EventJson;
import io.wharf.eventbus.topic.KafkaSettings;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Follows the events of one type as a consumer group, on a thread of its own, for a service that reacts to
 * another's state changes: each event goes to the handler in order, offsets are committed after each batch
 * was handled (at least once: handlers dedupe or are idempotent), an unreadable event is skipped, a
 * failure is retried after a pause, and {@link #close} ends it. A handler may throw
 * {@link WakeupException} to stop waiting when the service shuts down.
 */
public final class EventFollower implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EventFollower.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final long RETRY_MILLIS = 1000;

    private final Properties properties;
    private final EventType type;
    private final Consumer<Event> handler;
    private volatile boolean stopping;
    private volatile KafkaConsumer<String, String> consumer;

    private EventFollower(Properties properties, EventType type, Consumer<Event> handler) {
        this.properties = properties;
        this.type = type;
        this.handler = handler;
    }

    /** Starts following {@code type}'s topic from the group's committed offset (the earliest at first). */
    public static EventFollower start(KafkaSettings kafka, String group, EventType type, Consumer<Event> handler) {
        Properties p = kafka.readerProperties();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        EventFollower follower = new EventFollower(p, type, handler);
        Thread thread = new Thread(follower::run, group + "-" + type.name().toLowerCase(java.util.Locale.ROOT) + "-events");
        thread.setDaemon(true);
        thread.start();
        return follower;
    }

    private void run() {
        while (!stopping) {
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(properties)) {
                consumer = c;
                c.subscribe(List.of(type.topic()));
                while (!stopping) {
                    for (ConsumerRecord<String, String> record : c.poll(POLL)) {
                        handle(record.value());
                    }
                    c.commitSync();
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warnf("following %s: %s (retrying)", type.topic(), e.getMessage());
                pause();
            }
        }
    }

    private void handle(String json) {
        Event event;
        try {
            event = EventJson.read(json);
        } catch (RuntimeException e) {
            LOG.warnf("skipping an unreadable event on %s: %s", type.topic(), e.getMessage());
            return;
        }
        handler.accept(event);
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stopping = true;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }
}
