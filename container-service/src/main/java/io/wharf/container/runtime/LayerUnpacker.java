package io.wharf.container.runtime;

import java.io.InputStream;
import java.nio.file.Path;

/** Extracts an (uncompressed) layer tar stream into a directory, keeping owners, modes and xattrs. */
public interface LayerUnpacker {

    /** Consumes the whole stream; whiteout markers are left as they are in the tar. */
    void unpack(InputStream tar, Path dir);
}
