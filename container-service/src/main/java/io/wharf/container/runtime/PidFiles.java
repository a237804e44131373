package io.wharf.container.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The pid files runc writes for the processes it starts. */
final class PidFiles {
    private PidFiles() {
    }

    /** The pid, or 0 while runc has not written it. */
    static int read(Path file) {
        try {
            return Integer.parseInt(Files.readString(file, StandardCharsets.US_ASCII).trim());
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale pid file in the exec directory does no harm
        }
    }
}
