package io.wharf.container.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.wharf.common.error.WharfException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DockerTimeAndSignalsTest {

    @Test
    void rfc3339NanoTrimsTrailingZeros() {
        assertEquals("0001-01-01T00:00:00Z", DockerTime.rfc3339Nano(null));
        assertEquals("2024-01-02T03:04:05Z", DockerTime.rfc3339Nano(Instant.parse("2024-01-02T03:04:05Z")));
        assertEquals("2024-01-02T03:04:05.12Z", DockerTime.rfc3339Nano(Instant.parse("2024-01-02T03:04:05.120Z")));
        assertEquals("2024-01-02T03:04:05.000000001Z",
                DockerTime.rfc3339Nano(Instant.parse("2024-01-02T03:04:05.000000001Z")));
    }

    @Test
    void humanDurationAsGoUnits() {
        assertEquals("Less than a second", DockerTime.humanDuration(Duration.ofMillis(300)));
        assertEquals("1 second", DockerTime.humanDuration(Duration.ofSeconds(1)));
        assertEquals("59 seconds", DockerTime.humanDuration(Duration.ofSeconds(59)));
        assertEquals("About a minute", DockerTime.humanDuration(Duration.ofSeconds(90)));
        assertEquals("5 minutes", DockerTime.humanDuration(Duration.ofMinutes(5)));
        assertEquals("About an hour", DockerTime.humanDuration(Duration.ofMinutes(70)));
        assertEquals("3 hours", DockerTime.humanDuration(Duration.ofHours(3)));
        assertEquals("3 days", DockerTime.humanDuration(Duration.ofDays(3)));
        assertEquals("3 weeks", DockerTime.humanDuration(Duration.ofDays(21)));
    }

    @Test
    void signalsByNameOrNumber() {
        assertEquals(9, Signals.parse("KILL", 15));
        assertEquals(9, Signals.parse("SIGKILL", 15));
        assertEquals(9, Signals.parse("9", 15));
        assertEquals(1, Signals.parse("sighup", 15));
        assertEquals(15, Signals.parse("", 15));
        assertEquals(15, Signals.parse(null, 15));
        assertEquals(36, Signals.parse("SIGRTMIN+2", 15));
        assertThrows(WharfException.class, () -> Signals.parse("NOPE", 15));
        assertThrows(WharfException.class, () -> Signals.parse("99", 15));
    }
}
