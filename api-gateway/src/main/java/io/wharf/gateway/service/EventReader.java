package io.wharf.gateway.service;

import io.wharf.eventbus.envelope.Event;
import io.wharf.eventbus.envelope.EventType;
import io.wharf.eventbus.serde.EventJson;
import io.wharf.eventbus.topic.KafkaSettings;
import io.wharf.gateway.domain.EventFilter;
import io.wharf.gateway.domain.EventWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * One {@code /events} stream: reads every event topic from {@code since} (sought by record time)
 * or from now, replays history in time order, then follows live events until {@code until} or until
 * the client goes away. History is whatever Kafka retains, so it survives restarts.
 */
public final class EventReader implements Runnable {
    private static final Logger LOG = Logger.getLogger(EventReader.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaSettings kafka;
    private final EventWindow window;
    private final EventFilter filter;
    private final Consumer<Event> sink;
    private final Runnable onEnd;
    private volatile boolean cancelled;

    public EventReader(KafkaSettings kafka, EventWindow window, EventFilter filter, Consumer<Event> sink,
            Runnable onEnd) {
        this.kafka = kafka;
        this.window = window;
        this.filter = filter;
        this.sink = sink;
        this.onEnd = onEnd;
    }

    public void cancel() {
        cancelled = true;
    }

    @Override
    public void run() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(kafka.readerProperties())) {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            seekToStart(consumer, partitions);
            if (window.replays()) {
                replay(consumer, end);
            }
            follow(consumer);
        } catch (RuntimeException e) {
            if (!cancelled) {
                LOG.warn("events stream ended: " + e.getMessage());
            }
        } finally {
            onEnd.run();
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, String> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (EventType type : EventType.values()) {
            List<PartitionInfo> infos = consumer.partitionsFor(type.topic(), Duration.ofSeconds(10));
            for (PartitionInfo info : infos) {
                partitions.add(new TopicPartition(info.topic(), info.partition()));
            }
        }
        return partitions;
    }

    private void seekToStart(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions) {
        if (!window.replays()) {
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            return;
        }
        Map<TopicPartition, Long> query = new HashMap<>();
        long sinceMillis = window.sinceNanos() / 1_000_000L;
        partitions.forEach(p -> query.put(p, sinceMillis));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
        for (TopicPartition p : partitions) {
            OffsetAndTimestamp at = found.get(p);
            if (at == null) {
                consumer.seekToEnd(List.of(p));
            } else {
                consumer.seek(p, at.offset());
            }
        }
    }

    /** History up to the end offsets seen at the start, merged across topics in time order. */
    private void replay(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        List<Event> history = new ArrayList<>();
        while (!cancelled && !caughtUp(consumer, end)) {
            for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                Event event = decode(record);
                if (event != null && window.contains(event.timeNano()) && filter.includes(event)) {
                    history.add(event);
                }
            }
        }
        history.sort(Comparator.comparingLong(Event::timeNano));
        history.forEach(sink);
    }

    private void follow(KafkaConsumer<String, String> consumer) {
        while (!cancelled && !window.closedAt(nowNanos())) {
            for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                Event event = decode(record);
                if (event != null && window.contains(event.timeNano()) && filter.includes(event)) {
                    sink.accept(event);
                }
            }
        }
    }

    private static boolean caughtUp(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static Event decode(ConsumerRecord<String, String> record) {
        try {
            return EventJson.read(record.value());
        } catch (IllegalArgumentException e) {
            LOG.warnf("skipping a record that is not an event envelope at %s-%d@%d", record.topic(),
                    record.partition(), record.offset());
            return null;
        }
    }

    private static long nowNanos() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
