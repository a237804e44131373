package io.wharf.eventbus.envelope;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The one event envelope every service publishes: a superset of Docker's event message, so the
 * gateway's {@code /events} stream is a projection of it.
 *
 * @param id         unique event id; consumers dedupe on it (delivery is at least once)
 * @param specVersion envelope version, currently {@value #SPEC_VERSION}
 * @param source     the service that published it
 * @param node       the host the event happened on
 * @param type       Docker's event type
 * @param action     Docker's action name (see {@link Actions})
 * @param actor      the object the event is about
 * @param scope      {@code local} or {@code swarm}
 * @param time       seconds since the epoch
 * @param timeNano   nanoseconds since the epoch
 */
public record Event(
        String id,
        int specVersion,
        String source,
        String node,
        EventType type,
        String action,
        Actor actor,
        String scope,
        long time,
        long timeNano) {

    public static final int SPEC_VERSION = 1;

    /** A new local-scope event happening now. */
    public static Event now(String source, String node, EventType type, String action, String actorId,
            Map<String, String> attributes) {
        Instant now = Instant.now();
        long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        return new Event(UUID.randomUUID().toString(), SPEC_VERSION, source, node, type, action,
                new Actor(actorId, attributes), "local", now.getEpochSecond(), nanos);
    }

    /** The event time in milliseconds, used as the Kafka record timestamp so topics can be sought by time. */
    public long timeMillis() {
        return timeNano / 1_000_000L;
    }
}
