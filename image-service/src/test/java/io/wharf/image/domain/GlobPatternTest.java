package io.wharf.image.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GlobPatternTest {
    @Test
    void matchesLikeGoPathMatch() {
        assertTrue(GlobPattern.compile("busybox").matches("busybox"));
        assertTrue(GlobPattern.compile("busy*").matches("busybox:latest"));
        assertFalse(GlobPattern.compile("*").matches("user/app"));
        assertTrue(GlobPattern.compile("*/*").matches("user/app"));
        assertTrue(GlobPattern.compile("b?sybox").matches("busybox"));
        assertTrue(GlobPattern.compile("[a-c]usybox").matches("busybox"));
        assertFalse(GlobPattern.compile("[^b]usybox").matches("busybox"));
        assertTrue(GlobPattern.compile("a.b").matches("a.b"));
        assertFalse(GlobPattern.compile("a.b").matches("axb"));
    }
}
