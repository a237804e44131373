package io.wharf.container.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogAndFramesTest {

    @Test
    void fullLineGetsItsNewlineBack() {
        LogEntry e = LogEntry.parse("2026-11-23T14:49:21.673182995+00:00 stdout F hello world");
        assertEquals(StdStream.STDOUT, e.stream());
        assertFalse(e.partial());
        assertEquals("2026-11-23T14:49:21.673182995+00:00", e.timestamp());
        assertEquals("hello world\n", new String(e.payload(), StandardCharsets.UTF_8));
    }

    @Test
    void partialLineHasNoNewline() {
        LogEntry e = LogEntry.parse("2026-11-23T14:49:21.673182995+00:00 stderr P abc");
        assertEquals(StdStream.STDERR, e.stream());
        assertTrue(e.partial());
        assertEquals("abc", new String(e.payload(), StandardCharsets.UTF_8));
    }

    @Test
    void emptyLineAndSpacesInContent() {
        assertEquals("\n", new String(LogEntry.parse("t stdout F").payload(), StandardCharsets.UTF_8));
        assertEquals("  a b \n", new String(LogEntry.parse("t stdout F   a b ").payload(), StandardCharsets.UTF_8));
    }

    @Test
    void garbageIsRejected() {
        assertNull(LogEntry.parse("nonsense"));
        assertNull(LogEntry.parse("t stdin F x"));
    }

    @Test
    void parsesASliceOfABuffer() {
        byte[] buf = "xxt stdout F hi\nyy".getBytes(StandardCharsets.UTF_8);
        LogEntry e = LogEntry.parse(buf, 2, 15);
        assertEquals("hi\n", new String(e.payload(), StandardCharsets.UTF_8));
    }

    @Test
    void stdcopyHeader() {
        byte[] frame = StreamFrames.frame(StdStream.STDERR, "hello\n".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(new byte[] {2, 0, 0, 0, 0, 0, 0, 6}, java.util.Arrays.copyOf(frame, 8));
        assertEquals("hello\n", new String(frame, 8, 6, StandardCharsets.UTF_8));
        byte[] big = StreamFrames.frame(StdStream.STDOUT, new byte[0x010203]);
        assertArrayEquals(new byte[] {1, 0, 0, 0, 0, 1, 2, 3}, java.util.Arrays.copyOf(big, 8));
    }
}
