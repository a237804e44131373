package io.wharf.eventbus.serde;

import io.wharf.eventbus.envelope.Event;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka value serializer for the envelope. */
public class EventSerializer implements Serializer<Event> {
    @Override
    public byte[] serialize(String topic, Event event) {
        return event == null ? null : EventJson.write(event).getBytes(StandardCharsets.UTF_8);
    }
}
