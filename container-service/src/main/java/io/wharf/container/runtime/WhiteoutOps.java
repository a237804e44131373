package io.wharf.container.runtime;

import java.nio.file.Path;

/** The file-system operations that turn Docker's whiteout markers into overlayfs ones. */
public interface WhiteoutOps {

    /** Creates the overlay whiteout for a deleted file: a character device 0/0 at {@code path}. */
    void makeWhiteout(Path path);

    /** Marks a directory opaque: {@code trusted.overlay.opaque=y}. */
    void markOpaque(Path dir);

    /** Whether a directory is marked opaque ({@code trusted.overlay.opaque=y}). */
    boolean isOpaque(Path dir);
}
