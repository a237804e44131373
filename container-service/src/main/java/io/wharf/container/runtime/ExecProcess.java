package io.wharf.container.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** A process started in a container: its pipes, its pid once known, and its exit. */
public interface ExecProcess {
    OutputStream stdin();

    InputStream stdout();

    InputStream stderr();

    /** The host pid of the process in the container, or 0 if not known (yet). */
    int pid();

    /** Blocks until the process exits; its exit code. */
    int waitFor() throws InterruptedException;

    /** Kills it (the client is gone or the agent stops). */
    void kill();

    /** Sets its terminal's size; nothing for a process without one. */
    default void resize(int height, int width) throws IOException {
    }
}
