package io.wharf.eventbus.envelope;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The resource types Docker reports events for; each has its own Kafka topic. */
public enum EventType {
    CONTAINER("container"),
    IMAGE("image"),
    NETWORK("network"),
    VOLUME("volume"),
    DAEMON("daemon");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    /** The name Docker uses in the {@code Type} field of an event. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The Kafka topic events of this type are published on, keyed by actor id. */
    public String topic() {
        return "wharf." + wireName + ".events";
    }

    @JsonCreator
    public static EventType fromWireName(String name) {
        for (EventType type : values()) {
            if (type.wireName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown event type: " + name);
    }
}
