package io.wharf.container.config;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/** Where every file the agent owns lives under the data root and the run root. */
@Singleton
public class HostLayout {
    private final Path dataRoot;
    private final Path runRoot;

    @Inject
    public HostLayout(WharfConfig config) {
        this(config.dataRoot(), config.runRoot());
    }

    public HostLayout(Path dataRoot, Path runRoot) {
        this.dataRoot = dataRoot.toAbsolutePath().normalize();
        this.runRoot = runRoot.toAbsolutePath().normalize();
    }

    public Path dataRoot() {
        return dataRoot;
    }

    /** Per-container directory: the OCI bundle, rootfs upper/work/merged, etc files, the log. */
    public Path containerDir(String id) {
        return dataRoot.resolve("containers").resolve(id);
    }

    /** Unpacked layers, one directory per diff id (hex, without the algorithm). */
    public Path snapshotsDir() {
        return dataRoot.resolve("snapshots");
    }

    /** Scratch space on the same file system as the snapshots, so renames into place are atomic. */
    public Path tmpDir() {
        return dataRoot.resolve("tmp");
    }

    /** runc's --root. */
    public Path runcRoot() {
        return runRoot.resolve("runc");
    }

    /** conmon writes {@code <exits>/<id>} with the exit code. */
    public Path exitsDir() {
        return runRoot.resolve("exits");
    }

    /** conmon's attach sockets. */
    public Path conmonSocketDir() {
        return runRoot.resolve("conmon");
    }

    /** Containers' persistent network namespaces (bind mounts), one file per container id. */
    public Path netnsDir() {
        return runRoot.resolve("netns");
    }
}
