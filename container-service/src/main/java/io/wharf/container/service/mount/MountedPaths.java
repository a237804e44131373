package io.wharf.container.service.mount;

import io.wharf.container.domain.mount.MountParser;
import io.wharf.container.domain.mount.MountPoint;
import java.nio.file.Path;
import java.util.Optional;

/**
 * For docker cp: where a container path lives when a bind or a volume is mounted at or above it, so
 * the copy reads and writes the volume (as dockerd, which mounts the volumes for a cp) rather than the
 * layer hidden under the mount. tmpfs mounts and local volumes with options have no host directory.
 */
public final class MountedPaths {

    /** {@code root}: the mount's host directory; {@code path}: the rest of the container path, from "/"; {@code destination}: where root is in the container. */
    public record Located(Path root, String path, String destination) {
    }

    private MountedPaths() {
    }

    public static Optional<Located> locate(String mountsJson, String containerPath) {
        if (mountsJson == null || containerPath == null || !containerPath.startsWith("/")) {
            return Optional.empty();
        }
        String clean = MountParser.clean(containerPath);
        MountPoint best = null;
        for (MountPoint m : MountPoints.read(mountsJson)) {
            boolean onHost = (MountPoint.BIND.equals(m.type) || m.isVolume()) && !m.source.isEmpty()
                    && m.volumeOptions.isEmpty();
            boolean under = clean.equals(m.destination) || clean.startsWith(m.destination + "/");
            if (onHost && under && (best == null || m.destination.length() > best.destination.length())) {
                best = m;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        String rest = clean.substring(best.destination.length());
        if (containerPath.endsWith("/.")) {
            rest += "/.";
        } else if (containerPath.endsWith("/") && !rest.isEmpty()) {
            rest += "/";
        }
        return Optional.of(new Located(Path.of(best.source), rest.isEmpty() ? "/" : rest, best.destination));
    }
}
