package io.wharf.eventbus.topic;

import io.wharf.eventbus.envelope.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the event topics (one per resource type) if they are missing. */
public final class TopicInitializer {

    private TopicInitializer() {
    }

    public static void ensureTopics(KafkaSettings kafka) {
        try (Admin admin = Admin.create(kafka.adminProperties())) {
            List<NewTopic> topics = new ArrayList<>();
            for (EventType type : EventType.values()) {
                topics.add(new NewTopic(type.topic(), kafka.partitions(), (short) 1)
                        .configs(Map.of("retention.ms", Long.toString(kafka.retentionMillis()),
                                "message.timestamp.type", "CreateTime")));
            }
            for (var result : admin.createTopics(topics).values().values()) {
                try {
                    result.get(15, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create event topics: " + e.getCause().getMessage(), e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating event topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer while creating event topics", e);
        }
    }
}
