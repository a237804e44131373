package io.wharf.container.runtime;

import java.io.IOException;
import java.util.function.Consumer;

/** A running container's console as its monitor exposes it: input, output and terminal size. */
public interface ContainerConsole {

    /**
     * Connects to the container's monitor; fails (with {@link java.io.FileNotFoundException} or a refused
     * connection) while the container is not running. {@code output} receives each chunk the
     * container prints, from a thread of the connection's own, until the connection ends.
     */
    ConsoleSocket connect(String id, Consumer<byte[]> output) throws IOException;

    /** Sets the container's terminal size (TTY containers only). */
    void resize(String id, int height, int width) throws IOException;
}
