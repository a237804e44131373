package io.wharf.gateway.domain;

import io.wharf.common.time.DockerTimestamps;
import java.time.Instant;

/**
 * The {@code since} and {@code until} of an events request, in nanoseconds since the epoch. Docker
 * clients send {@code seconds[.nanoseconds]}; durations and RFC 3339 are accepted too (DockerTimestamps).
 */
public record EventWindow(Long sinceNanos, Long untilNanos) {

    public static EventWindow parse(String since, String until) {
        return new EventWindow(toNanos("since", since), toNanos("until", until));
    }

    public boolean replays() {
        return sinceNanos != null;
    }

    public boolean contains(long timeNano) {
        return (sinceNanos == null || timeNano >= sinceNanos) && (untilNanos == null || timeNano <= untilNanos);
    }

    /** True once the window has closed at wall-clock time {@code nowNanos}. */
    public boolean closedAt(long nowNanos) {
        return untilNanos != null && nowNanos > untilNanos;
    }

    static Long toNanos(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant t = DockerTimestamps.parse(value.trim(), Instant.now());
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
