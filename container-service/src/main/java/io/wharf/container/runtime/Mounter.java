package io.wharf.container.runtime;

import java.nio.file.Path;
import java.util.List;

/** Overlay mounts of container root file systems. */
public interface Mounter {

    /** Mounts overlay at {@code target}; {@code lowerTopFirst} lists the layers top layer first. */
    void mountOverlay(List<Path> lowerTopFirst, Path upper, Path work, Path target);

    /** Unmounts {@code target} if something is mounted there; a no-op otherwise. */
    void unmount(Path target);

    boolean isMounted(Path target);
}
