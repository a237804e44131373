package io.wharf.container.runtime;

import java.io.IOException;

/**
 * A connection to a running container's console (conmon's attach socket): what is written goes to the
 * container's stdin; what the container prints arrives on the output consumer given at connect time.
 */
public interface ConsoleSocket extends AutoCloseable {

    /** Sends bytes to the container's stdin; blocks while the container does not read. */
    void write(byte[] data) throws IOException;

    /** End of input: the monitor closes the container's stdin unless it was told to leave it open. */
    void closeWrite() throws IOException;

    /** Ends the connection; the container keeps running. */
    @Override
    void close();
}
