package io.wharf.container.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.common.error.WharfException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * State.Health as inspect shows it ({@code Status}, {@code FailingStreak}, the last 5 probes in
 * {@code Log}), kept as JSON in the container row, with moby's rules for a probe's result.
 */
public final class HealthState {
    public static final String STARTING = "starting";
    public static final String HEALTHY = "healthy";
    public static final String UNHEALTHY = "unhealthy";
    /** moby's maxLogEntries. */
    static final int MAX_LOG = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One probe: exit code -1 when it could not run or timed out. */
    public record Probe(Instant start, Instant end, int exitCode, String output) {
    }

    private HealthState() {
    }

    /** A (re)started container: starting, no failures, the previous probes kept. */
    public static String starting(String previous) {
        ObjectNode h = previous == null ? JSON.createObjectNode() : parse(previous);
        h.put("Status", STARTING);
        h.put("FailingStreak", 0);
        if (!h.path("Log").isArray()) {
            h.putArray("Log");
        }
        return h.toString();
    }

    public static String status(String json) {
        return json == null ? "none" : parse(json).path("Status").asText("none");
    }

    public static JsonNode view(String json) {
        return parse(json);
    }

    /**
     * moby's handleProbeResult: success resets the streak and makes it healthy; a failure counts
     * (unless it is still starting within the start period) and makes it unhealthy at retries.
     */
    public static String record(String json, Probe probe, HealthConfig config, Instant startedAt) {
        ObjectNode h = parse(json);
        ArrayNode log = h.path("Log").isArray() ? (ArrayNode) h.get("Log") : h.putArray("Log");
        ObjectNode entry = log.addObject();
        entry.put("Start", DockerTime.rfc3339Nano(probe.start()));
        entry.put("End", DockerTime.rfc3339Nano(probe.end()));
        entry.put("ExitCode", probe.exitCode());
        entry.put("Output", probe.output());
        while (log.size() > MAX_LOG) {
            log.remove(0);
        }
        if (probe.exitCode() == 0) {
            h.put("FailingStreak", 0);
            h.put("Status", HEALTHY);
            return h.toString();
        }
        boolean inStartPeriod = STARTING.equals(h.path("Status").asText())
                && startedAt != null && Duration.between(startedAt, probe.start()).compareTo(config.startPeriod()) < 0;
        if (!inStartPeriod) {
            int streak = h.path("FailingStreak").asInt(0) + 1;
            h.put("FailingStreak", streak);
            if (streak >= config.retries()) {
                h.put("Status", UNHEALTHY);
            }
        }
        return h.toString();
    }

    /** moby's Health.String() as docker ps shows it after "Up ...". */
    public static String psSuffix(String json) {
        String status = status(json);
        return STARTING.equals(status) ? "health: starting" : status;
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException | ClassCastException e) {
            throw WharfException.system("stored health state is invalid", e);
        }
    }
}
