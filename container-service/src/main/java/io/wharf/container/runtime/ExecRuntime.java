package io.wharf.container.runtime;

import java.nio.file.Path;

/** Runs an extra process inside a running container ({@code docker exec}). */
public interface ExecRuntime {
    /** Starts the process described by the OCI process file {@code processFile} in container {@code id}. */
    ExecProcess start(String id, Path processFile);
}
