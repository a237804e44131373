package io.wharf.container.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.wharf.common.error.WharfException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogQueryTest {
    private static final String LOG = """
            2026-11-23T16:20:48.100000000+00:00 stdout F one
            2026-11-23T16:20:48.200000000+00:00 stderr F two
            2026-11-23T16:20:49.300000000+00:00 stdout P thr
            2026-11-23T16:20:49.400000000+00:00 stdout F ee
            2026-11-23T16:20:50.000000000+00:00 stdout F incomple""";

    private static byte[] bytes() {
        return LOG.getBytes(StandardCharsets.UTF_8);
    }

    private static String render(LogQuery q) {
        byte[] log = bytes();
        StringBuilder out = new StringBuilder();
        for (LogEntry e : q.select(log, log.length)) {
            out.append(new String(q.render(e), StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    @Test
    void completeLinesOnlyAndPartialsJoinedByTheirOwnNewlines() {
        LogQuery q = LogQuery.parse(true, false, false, null, null, false, "all", true);
        assertEquals("one\nthree\n", render(q));
    }

    @Test
    void tailCountsEntriesBeforeTheStreamFilter() {
        byte[] log = bytes();
        List<LogEntry> last = LogQuery.parse(true, true, false, null, null, false, "2", true).select(log, log.length);
        assertEquals(2, last.size());
        assertEquals("thr", new String(last.get(0).content(), StandardCharsets.UTF_8));
        assertEquals("", render(LogQuery.parse(true, true, false, null, null, false, "0", true)));
    }

    @Test
    void sinceAndUntilAreUnixSecondsWithFractions() {
        long t = Instant.parse("2026-11-23T16:20:49Z").getEpochSecond();
        assertEquals("three\n", render(LogQuery.parse(true, true, false, t + ".000000000", null, false, null, true)));
        assertEquals("one\ntwo\n", render(LogQuery.parse(true, true, false, "0", Long.toString(t), false, null, true)));
        assertNull(LogQuery.unixTime("0"));
        assertEquals(Instant.ofEpochSecond(5, 500_000_000), LogQuery.unixTime("5.5"));
    }

    @Test
    void timestampsAreRfc3339NanoFixedInUtc() {
        assertEquals("2026-11-23T16:20:48.100000000Z one\n2026-11-23T16:20:49.300000000Z thr"
                + "2026-11-23T16:20:49.400000000Z ee\n",
                render(LogQuery.parse(true, false, false, null, null, true, null, true)));
    }

    @Test
    void withoutTtyEachEntryIsAStdcopyFrame() {
        LogQuery q = LogQuery.parse(false, true, false, null, null, false, null, false);
        byte[] log = bytes();
        byte[] frame = q.render(q.select(log, log.length).get(1));
        assertArrayEquals(new byte[] {2, 0, 0, 0, 0, 0, 0, 4, 't', 'w', 'o', '\n'}, frame);
    }

    @Test
    void atLeastOneStreamIsRequired() {
        WharfException e = assertThrows(WharfException.class,
                () -> LogQuery.parse(false, false, false, null, null, false, null, false));
        assertEquals("Bad parameters: you must choose at least one stream", e.getMessage());
    }
}
