package io.wharf.container.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** The host agent's settings (application.properties, overridable by WHARF_* environment variables). */
@ConfigMapping(prefix = "wharf")
public interface WharfConfig {

    /** Persistent state: database, snapshots, container directories. */
    Path dataRoot();

    /** Runtime state that need not survive a reboot: runc state, exit files, conmon sockets. */
    Path runRoot();

    /** This host's name in events; the hostname when empty. */
    Optional<String> node();

    Runtime runtime();

    interface Runtime {
        /** The OCI runtime binary (name looked up on PATH, or a path). */
        @WithDefault("runc")
        String runc();

        /** The per-container monitor binary. */
        @WithDefault("conmon")
        String conmon();

        /** The cgroup every container's cgroup is created under. */
        @WithDefault("wharf")
        String cgroupParent();
    }
}
