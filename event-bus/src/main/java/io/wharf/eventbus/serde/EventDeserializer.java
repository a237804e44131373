package io.wharf.eventbus.serde;

import io.wharf.eventbus.envelope.Event;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Deserializer;

/** Kafka value deserializer for the envelope. */
public class EventDeserializer implements Deserializer<Event> {
    @Override
    public Event deserialize(String topic, byte[] data) {
        return data == null ? null : EventJson.read(new String(data, StandardCharsets.UTF_8));
    }
}
