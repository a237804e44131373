package io.wharf.container.runtime;

import java.nio.file.Path;

/** Copies a directory's content (owners, modes, times, links as links) into another directory. */
public interface TreeCopier {
    void copyContents(Path from, Path to);
}
