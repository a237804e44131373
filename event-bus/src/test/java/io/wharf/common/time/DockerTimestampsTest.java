package io.wharf.common.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.wharf.common.error.WharfException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DockerTimestampsTest {

    @Test
    void timestampsAreDurationsUnixSecondsOrRfc3339() {
        Instant now = Instant.parse("2024-01-02T03:04:05Z");
        assertEquals(now.minus(Duration.ofMinutes(90)), DockerTimestamps.parse("1h30m", now));
        assertEquals(now.minusSeconds(10), DockerTimestamps.parse("10s", now));
        assertEquals(Instant.ofEpochSecond(1_700_000_000, 500_000_000), DockerTimestamps.parse("1700000000.5", now));
        assertEquals(Instant.parse("2023-05-06T07:08:09Z"), DockerTimestamps.parse("2023-05-06T07:08:09Z", now));
        assertEquals(Instant.parse("2023-05-06T00:00:00Z"), DockerTimestamps.parse("2023-05-06", now));
        assertThrows(WharfException.class, () -> DockerTimestamps.parse("yesterday", now));
    }
}
