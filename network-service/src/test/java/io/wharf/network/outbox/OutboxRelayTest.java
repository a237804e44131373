package io.wharf.network.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.wharf.eventbus.envelope.Actions;
import io.wharf.eventbus.envelope.Event;
import io.wharf.eventbus.envelope.EventType;
import io.wharf.eventbus.outbox.EventPublisher;
import io.wharf.eventbus.outbox.OutboxStore;
import io.wharf.eventbus.serde.EventJson;
import io.wharf.eventbus.topic.KafkaSettings;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * The transactional outbox against a real broker: a committed event reaches its topic with the
 * event time as record time and its id in a header; a rolled-back one never does; and rows are
 * marked sent.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestBroker.class)
class OutboxRelayTest {
    @Inject
    EventPublisher publisher;
    @Inject
    OutboxStore store;
    @Inject
    KafkaSettings kafka;

    @Test
    void committedEventsReachKafkaAndRolledBackOnesDoNot() {
        String committedId = "net-" + UUID.randomUUID();
        String rolledBackId = "net-" + UUID.randomUUID();
        Event published = QuarkusTransaction.requiringNew().call(() -> publisher.publish(EventType.NETWORK,
                Actions.CREATE, committedId, Map.of("name", "front", "type", "bridge")));
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            publisher.publish(EventType.NETWORK, Actions.CREATE, rolledBackId, Map.of("name", "lost"));
            throw new IllegalStateException("the state change failed");
        }));

        List<ConsumerRecord<String, String>> records = readUntil(committedId, Duration.ofSeconds(30));
        ConsumerRecord<String, String> record = records.stream().filter(r -> committedId.equals(r.key())).findFirst()
                .orElseThrow();
        Event received = EventJson.read(record.value());
        assertEquals(published, received);
        assertEquals(published.timeMillis(), record.timestamp());
        assertEquals(published.id(), new String(record.headers().lastHeader("wharf-event-id").value(),
                StandardCharsets.US_ASCII));
        assertTrue(records.stream().noneMatch(r -> rolledBackId.equals(r.key())), "a rolled-back event was sent");

        long unsent = QuarkusTransaction.requiringNew().call(() -> store.count("sentAt is null"));
        assertEquals(0, unsent);
    }

    @Test
    void publishingOutsideATransactionIsRefused() {
        assertThrows(RuntimeException.class, () -> publisher.publish(EventType.NETWORK, Actions.DESTROY, "x", Map.of()));
    }

    private List<ConsumerRecord<String, String>> readUntil(String key, Duration timeout) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(kafka.readerProperties())) {
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                if (consumer.assignment().isEmpty()) {
                    var partitions = consumer.partitionsFor(EventType.NETWORK.topic(), Duration.ofSeconds(5));
                    if (partitions == null || partitions.isEmpty()) {
                        continue;
                    }
                    List<TopicPartition> assigned = partitions.stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                    consumer.assign(assigned);
                    consumer.seekToBeginning(assigned);
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(r);
                }
                if (seen.stream().anyMatch(r -> key.equals(r.key()))) {
                    // read a little longer so that a wrongly sent rolled-back event would show up too
                    consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
                    return seen;
                }
            }
        }
        assertNotNull(null, "no record for " + key + " within " + timeout);
        return seen;
    }
}
