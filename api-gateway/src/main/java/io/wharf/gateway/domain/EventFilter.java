package io.wharf.gateway.domain;

import io.wharf.common.filter.FilterArgs;
import io.wharf.eventbus.envelope.Event;
import io.wharf.eventbus.envelope.EventType;
import java.util.Map;
import java.util.Set;

/** Which events a {@code docker events --filter ...} stream shows, as moby's events filter decides. */
public final class EventFilter {
    private static final Set<String> FUZZY_ACTIONS = Set.of("health_status", "exec_create", "exec_start");
    /** The keys dockerd accepts on {@code /events}; others are a 400 {@code invalid filter}. */
    public static final Set<String> KEYS = Set.of("config", "container", "daemon", "event", "image", "label",
            "network", "node", "plugin", "scope", "secret", "service", "type", "volume");
    private final FilterArgs filters;

    public EventFilter(FilterArgs filters) {
        this.filters = filters;
    }

    public static EventFilter parse(String json) {
        return new EventFilter(FilterArgs.parse(json, KEYS));
    }

    public boolean includes(Event event) {
        Map<String, String> attributes = event.actor().attributes();
        return matchAction(event.action())
                && filters.exact("type", event.type().wireName())
                && filters.exact("scope", event.scope())
                && fuzzyName(event, "daemon", EventType.DAEMON)
                && fuzzyName(event, "container", EventType.CONTAINER)
                && fuzzyName(event, "volume", EventType.VOLUME)
                && fuzzyName(event, "network", EventType.NETWORK)
                && matchImage(event)
                && filters.matchLabels("label", attributes);
    }

    private boolean matchAction(String action) {
        for (String wanted : filters.get("event")) {
            if (FUZZY_ACTIONS.contains(wanted)) {
                return filters.fuzzyMatch("event", action);
            }
        }
        return filters.exact("event", action);
    }

    /** moby matches the actor id or its name attribute by prefix, for events of any type. */
    private boolean fuzzyName(Event event, String key, EventType type) {
        if (!filters.contains(key)) {
            return true;
        }
        if (event.type() != type) {
            return false;
        }
        return filters.fuzzyMatch(key, event.actor().id())
                || filters.fuzzyMatch(key, event.actor().attributes().get("name"));
    }

    private boolean matchImage(Event event) {
        if (!filters.contains("image")) {
            return true;
        }
        String id = event.actor().id();
        String name = event.actor().attributes().get(event.type() == EventType.IMAGE ? "name" : "image");
        return filters.exact("image", id) || filters.exact("image", name)
                || filters.exact("image", stripTag(id)) || filters.exact("image", stripTag(name));
    }

    static String stripTag(String reference) {
        if (reference == null) {
            return null;
        }
        int slash = reference.lastIndexOf('/');
        int colon = reference.lastIndexOf(':');
        return colon > slash ? reference.substring(0, colon) : reference;
    }
}
