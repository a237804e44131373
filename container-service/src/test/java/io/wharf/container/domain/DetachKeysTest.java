package io.wharf.container.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wharf.common.error.WharfException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DetachKeysTest {

    @Test
    void defaultIsCtrlPCtrlQ() {
        assertArrayEquals(new byte[] {16, 17}, DetachKeys.parse(null));
        assertArrayEquals(new byte[] {16, 17}, DetachKeys.parse(""));
    }

    @Test
    void readsCharactersAndControlNames() {
        assertArrayEquals(new byte[] {'a', 1, 0, 27, 28, 29, 30, 31}, DetachKeys.parse("a,ctrl-a,ctrl-@,ctrl-[,ctrl-\\,ctrl-],ctrl-^,ctrl-_"));
        assertArrayEquals(new byte[] {24}, DetachKeys.parse("CTRL-X"));
    }

    @Test
    void refusesWhatDockerdRefuses() {
        WharfException e = assertThrows(WharfException.class, () -> DetachKeys.parse("ctrl-1"));
        assertEquals("Invalid detach keys (ctrl-1) provided", e.getMessage());
        assertThrows(WharfException.class, () -> DetachKeys.parse("ab"));
        assertThrows(WharfException.class, () -> DetachKeys.parse("a,"));
    }

    @Test
    void forwardsInputWithoutTheSequence() {
        DetachKeyScanner scanner = new DetachKeyScanner(DetachKeys.parse(null));
        DetachKeyScanner.Scan scan = scanner.feed(bytes("hello\n"));
        assertEquals("hello\n", text(scan.forward()));
        assertFalse(scan.detached());
    }

    @Test
    void detachesOnTheSequenceAndDropsWhatFollows() {
        DetachKeyScanner scanner = new DetachKeyScanner(DetachKeys.parse(null));
        DetachKeyScanner.Scan scan = scanner.feed(new byte[] {'a', 16, 17, 'b'});
        assertEquals("a", text(scan.forward()));
        assertTrue(scan.detached());
        assertTrue(scanner.feed(bytes("more")).detached());
        assertEquals(0, scanner.feed(bytes("more")).forward().length);
    }

    @Test
    void sequenceSplitAcrossChunksStillDetaches() {
        DetachKeyScanner scanner = new DetachKeyScanner(DetachKeys.parse(null));
        DetachKeyScanner.Scan first = scanner.feed(new byte[] {'x', 16});
        assertEquals("x", text(first.forward()));
        assertFalse(first.detached());
        assertTrue(scanner.feed(new byte[] {17}).detached());
    }

    @Test
    void brokenSequenceIsForwardedInOrder() {
        DetachKeyScanner scanner = new DetachKeyScanner(DetachKeys.parse(null));
        assertEquals(0, scanner.feed(new byte[] {16}).forward().length);
        assertArrayEquals(new byte[] {16, 'z'}, scanner.feed(new byte[] {'z'}).forward());
        DetachKeyScanner.Scan again = scanner.feed(new byte[] {16, 16, 17});
        assertArrayEquals(new byte[] {16}, again.forward());
        assertTrue(again.detached());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
