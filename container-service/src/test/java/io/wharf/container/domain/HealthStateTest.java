package io.wharf.container.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthStateTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static HealthConfig config(String json) throws Exception {
        return HealthConfig.of(new ObjectMapper().readTree(json)).orElseThrow();
    }

    private static HealthState.Probe probe(int secondsAfterStart, int exitCode) {
        Instant at = T0.plusSeconds(secondsAfterStart);
        return new HealthState.Probe(at, at.plusMillis(10), exitCode, "out" + secondsAfterStart);
    }

    @Test
    void parsesTestsWithMobysDefaults() throws Exception {
        HealthConfig shell = config("{\"Healthcheck\":{\"Test\":[\"CMD-SHELL\",\"curl -f x || exit 1\"]}}");
        assertEquals(List.of("/bin/sh", "-c", "curl -f x || exit 1"), shell.command());
        assertEquals(Duration.ofSeconds(30), shell.interval());
        assertEquals(Duration.ofSeconds(30), shell.timeout());
        assertEquals(Duration.ZERO, shell.startPeriod());
        assertEquals(3, shell.retries());
        HealthConfig cmd = config("{\"Healthcheck\":{\"Test\":[\"CMD\",\"true\",\"x\"],\"Interval\":1000000000,"
                + "\"Timeout\":2000000000,\"StartPeriod\":5000000000,\"Retries\":2}}");
        assertEquals(List.of("true", "x"), cmd.command());
        assertEquals(Duration.ofSeconds(1), cmd.interval());
        assertEquals(Duration.ofSeconds(2), cmd.timeout());
        assertEquals(Duration.ofSeconds(5), cmd.startPeriod());
        assertEquals(2, cmd.retries());
        ObjectMapper json = new ObjectMapper();
        assertTrue(HealthConfig.of(json.readTree("{\"Healthcheck\":{\"Test\":[\"NONE\"]}}")).isEmpty());
        assertTrue(HealthConfig.of(json.readTree("{\"Healthcheck\":{\"Test\":[]}}")).isEmpty());
        assertTrue(HealthConfig.of(json.readTree("{}")).isEmpty());
    }

    @Test
    void failuresCountUpToRetriesAndSuccessResets() throws Exception {
        HealthConfig c = config("{\"Healthcheck\":{\"Test\":[\"CMD\",\"false\"],\"Retries\":2}}");
        String h = HealthState.starting(null);
        assertEquals("starting", HealthState.status(h));
        assertEquals("health: starting", HealthState.psSuffix(h));
        h = HealthState.record(h, probe(1, 1), c, T0);
        assertEquals("starting", HealthState.status(h));
        h = HealthState.record(h, probe(2, 1), c, T0);
        assertEquals("unhealthy", HealthState.status(h));
        assertEquals("unhealthy", HealthState.psSuffix(h));
        h = HealthState.record(h, probe(3, 0), c, T0);
        assertEquals("healthy", HealthState.status(h));
        assertEquals(0, HealthState.view(h).get("FailingStreak").asInt());
    }

    @Test
    void failuresInTheStartPeriodDoNotCountWhileStarting() throws Exception {
        HealthConfig c = config("{\"Healthcheck\":{\"Test\":[\"CMD\",\"false\"],\"Retries\":1,"
                + "\"StartPeriod\":10000000000}}");
        String h = HealthState.record(HealthState.starting(null), probe(5, 1), c, T0);
        assertEquals("starting", HealthState.status(h));
        assertEquals(0, HealthState.view(h).get("FailingStreak").asInt());
        h = HealthState.record(h, probe(11, 1), c, T0);
        assertEquals("unhealthy", HealthState.status(h));
    }

    @Test
    void keepsTheLastFiveProbesAndResetsOnRestart() throws Exception {
        HealthConfig c = config("{\"Healthcheck\":{\"Test\":[\"CMD\",\"true\"]}}");
        String h = HealthState.starting(null);
        for (int i = 1; i <= 7; i++) {
            h = HealthState.record(h, probe(i, 0), c, T0);
        }
        JsonNode log = HealthState.view(h).get("Log");
        assertEquals(5, log.size());
        assertEquals("out3", log.get(0).get("Output").asText());
        assertEquals("out7", log.get(4).get("Output").asText());
        assertEquals(0, log.get(4).get("ExitCode").asInt());
        String restarted = HealthState.starting(h);
        assertEquals("starting", HealthState.status(restarted));
        assertEquals(5, HealthState.view(restarted).get("Log").size());
        assertEquals("none", HealthState.status(null));
    }
}
