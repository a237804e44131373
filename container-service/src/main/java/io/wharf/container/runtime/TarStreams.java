package io.wharf.container.runtime;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/** Tar archives of container files (export, docker cp). */
public interface TarStreams {

    /**
     * Writes a tar of {@code dir/name} (recursively) to {@code out}, its entries named from
     * {@code rebaseAs} instead of {@code name} when given; {@code name} "." archives the directory's content.
     */
    void create(Path dir, String name, String rebaseAs, OutputStream out);

    /** Extracts {@code tar} into {@code dir}, a fresh private directory (GNU tar refuses {@code ..} members). */
    void extract(InputStream tar, Path dir);
}
