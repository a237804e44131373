package io.wharf.container.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.common.error.WharfException;
import java.time.Duration;

/** HostConfig.RestartPolicy and moby's restart manager decisions (back-off 100 ms doubling, 1 min cap). */
public record RestartPolicy(String name, int maximumRetryCount) {
    public static final Duration FIRST_DELAY = Duration.ofMillis(100);
    public static final Duration MAX_DELAY = Duration.ofMinutes(1);
    /** A run at least this long resets the back-off. */
    public static final Duration RESET_AFTER = Duration.ofSeconds(10);

    public static RestartPolicy of(JsonNode hostConfig) {
        JsonNode p = hostConfig.path("RestartPolicy");
        String name = p.path("Name").asText("");
        int max = p.path("MaximumRetryCount").asInt(0);
        return switch (name) {
            case "", "no", "always", "unless-stopped", "on-failure" -> new RestartPolicy(name, max);
            default -> throw WharfException.invalid("invalid restart policy '" + name + "'");
        };
    }

    /** Whether an exit (not asked for by the user) restarts the container. */
    public boolean shouldRestart(int exitCode, int restartCount) {
        return switch (name) {
            case "always", "unless-stopped" -> true;
            case "on-failure" -> exitCode != 0 && (maximumRetryCount <= 0 || restartCount < maximumRetryCount);
            default -> false;
        };
    }

    /**
     * moby's decision for a stopped container when the daemon (here: the agent) starts: {@code always}
     * starts it even if the user stopped it, {@code unless-stopped} only if the user did not,
     * {@code on-failure} after a failure within the retry limit.
     */
    public boolean restartsWhenTheAgentStarts(int exitCode, int restartCount, boolean manuallyStopped) {
        if (name.equals("unless-stopped")) {
            return !manuallyStopped;
        }
        return shouldRestart(exitCode, restartCount);
    }

    /** The next delay: doubled, capped, or back to the first after a long enough run. */
    public static Duration nextDelay(Duration previous, Duration ran) {
        if (previous == null || ran.compareTo(RESET_AFTER) >= 0) {
            return FIRST_DELAY;
        }
        Duration doubled = previous.multipliedBy(2);
        return doubled.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : doubled;
    }
}
