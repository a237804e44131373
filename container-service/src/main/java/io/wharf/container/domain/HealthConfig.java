package io.wharf.container.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A container's Config.Healthcheck with moby's defaults (interval 30s, timeout 30s, start period 0,
 * retries 3); empty when there is none or it is {@code ["NONE"]}.
 */
public record HealthConfig(List<String> command, Duration interval, Duration timeout, Duration startPeriod,
        int retries) {
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    static final int DEFAULT_RETRIES = 3;

    public static Optional<HealthConfig> of(JsonNode config) {
        JsonNode h = config.path("Healthcheck");
        JsonNode test = h.path("Test");
        if (!test.isArray() || test.isEmpty()) {
            return Optional.empty();
        }
        String kind = test.get(0).asText();
        List<String> command = new ArrayList<>();
        switch (kind) {
            case "CMD" -> test.forEach(t -> command.add(t.asText()));
            case "CMD-SHELL" -> {
                List<String> rest = new ArrayList<>();
                test.forEach(t -> rest.add(t.asText()));
                command.addAll(List.of("CMD", "/bin/sh", "-c", String.join(" ", rest.subList(1, rest.size()))));
            }
            default -> {
                return Optional.empty(); // NONE, or unknown
            }
        }
        command.remove(0);
        if (command.isEmpty()) {
            return Optional.empty();
        }
        int retries = h.path("Retries").asInt(0);
        return Optional.of(new HealthConfig(List.copyOf(command), duration(h, "Interval", DEFAULT_INTERVAL),
                duration(h, "Timeout", DEFAULT_TIMEOUT), duration(h, "StartPeriod", Duration.ZERO),
                retries > 0 ? retries : DEFAULT_RETRIES));
    }

    private static Duration duration(JsonNode h, String field, Duration fallback) {
        long nanos = h.path(field).asLong(0);
        return nanos > 0 ? Duration.ofNanos(nanos) : fallback;
    }
}
