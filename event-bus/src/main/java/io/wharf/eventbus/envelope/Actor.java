package io.wharf.eventbus.envelope;

import java.util.Map;
import java.util.TreeMap;

/** The object an event is about: its id and Docker's attributes (name, image, exitCode...). */
public record Actor(String id, Map<String, String> attributes) {

    public Actor {
        attributes = attributes == null ? Map.of() : Map.copyOf(new TreeMap<>(attributes));
    }
}
