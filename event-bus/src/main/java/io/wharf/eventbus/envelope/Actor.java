package io.wharf.eventbus.envelope;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The object an event is about: its id and Docker's attributes (name, image, exitCode...), kept
 * sorted by key so the wire form is deterministic.
 */
public record Actor(String id, Map<String, String> attributes) {

    public Actor {
        attributes = Collections.unmodifiableMap(attributes == null ? new TreeMap<>() : new TreeMap<>(attributes));
    }
}
