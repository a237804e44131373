package io.wharf.container.runtime;

import java.nio.file.Path;

/** The OCI runtime and the per-container monitor, as the services see them. */
public interface OciRuntime {

    /**
     * What to launch. The bundle holds config.json; the monitor writes the log, its pid file and,
     * when the container exits, the exit file.
     */
    record Launch(String id, String name, Path bundle, Path logPath, boolean tty, boolean openStdin,
            boolean stdinOnce) {
        /** Stdin (if open) stays open when an attached client ends its input, as without StdinOnce. */
        public Launch(String id, String name, Path bundle, Path logPath, boolean tty, boolean openStdin) {
            this(id, name, bundle, logPath, tty, openStdin, false);
        }
    }

    /** Creates the container under its monitor and starts it; returns the container's pid on the host. */
    int launch(Launch launch);

    /** Delivers a signal; false when the container is not running. */
    boolean kill(String id, int signal);

    /** Forgets the container: runtime state, cgroups, monitor sockets. Succeeds when already gone. */
    void delete(String id);

    /** Whether the container's monitor (which outlives the agent) is still alive. */
    boolean monitorAlive(Path bundle);
}
