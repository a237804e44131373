package io.wharf.container.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StartFailuresTest {
    @Test
    void missingCommandIs127() {
        assertEquals(127, StartFailures.exitCode(
                "exec: \"/nonexistent\": stat /nonexistent: no such file or directory"));
        assertEquals(127, StartFailures.exitCode("exec: \"foo\": executable file not found in $PATH"));
        assertTrue(StartFailures.userError("executable file not found in $PATH"));
    }

    @Test
    void notExecutableIs126() {
        assertEquals(126, StartFailures.exitCode("exec: \"/etc\": permission denied"));
    }

    @Test
    void anythingElseIs128() {
        assertEquals(128, StartFailures.exitCode("conmon did not report within PT30S"));
        assertFalse(StartFailures.userError("cannot mount overlay"));
        assertEquals(128, StartFailures.exitCode(null));
    }

    @Test
    void runcLogLineIsReducedToItsMessage() {
        String raw = "runc create failed: time=\"2026-11-23T16:53:34Z\" level=error msg=\"runc create failed: "
                + "unable to start container process: exec: \\\"/etc\\\": permission denied\"";
        assertEquals("runc create failed: unable to start container process: exec: \"/etc\": permission denied",
                StartFailures.clean(raw));
    }
}
