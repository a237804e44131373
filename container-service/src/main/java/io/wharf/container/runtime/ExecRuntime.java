package io.wharf.container.runtime;

import java.nio.file.Path;

/** Runs an extra process inside a running container ({@code docker exec}). */
public interface ExecRuntime {
    /**
     * Starts the process described by the OCI process file {@code processFile} in container {@code id};
     * with {@code tty} (the file says {@code terminal: true}) its streams are a pseudo-terminal.
     */
    ExecProcess start(String id, Path processFile, boolean tty);
}
