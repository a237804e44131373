package io.wharf.gateway.service;

import io.wharf.eventbus.envelope.Event;
import io.wharf.eventbus.topic.KafkaSettings;
import io.wharf.eventbus.topic.TopicInitializer;
import io.wharf.gateway.domain.EventFilter;
import io.wharf.gateway.domain.EventWindow;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** Starts one reader thread per {@code /events} client. */
@ApplicationScoped
public class EventStreams {
    private final KafkaSettings kafka;
    private final AtomicBoolean topicsReady = new AtomicBoolean();

    public EventStreams(KafkaSettings kafka) {
        this.kafka = kafka;
    }

    public EventReader open(EventWindow window, EventFilter filter, Consumer<Event> sink, Runnable onEnd) {
        EventReader reader = new EventReader(kafka, window, filter, sink, onEnd);
        Thread thread = new Thread(() -> {
            if (topicsReady.compareAndSet(false, true)) {
                try {
                    TopicInitializer.ensureTopics(kafka);
                } catch (RuntimeException e) {
                    topicsReady.set(false);
                }
            }
            reader.run();
        }, "events-stream");
        thread.setDaemon(true);
        thread.start();
        return reader;
    }
}
