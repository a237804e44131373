package io.wharf.container.runtime;

import java.time.Duration;
import java.util.List;

/** Runs a health check command inside a running container. */
public interface HealthProbe {

    /** @param exitCode -1 when the command could not run or was killed at the timeout */
    record Result(int exitCode, String output) {
    }

    Result run(String id, List<String> command, Duration timeout);
}
