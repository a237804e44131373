package io.wharf.container.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What the host offers containers: CPUs, cpusets, capabilities, our hard rlimits, device nodes. */
public interface HostResources {

    /** A device node on the host. */
    record Device(String path, char type, long major, long minor, int fileMode, int uid, int gid) {
    }

    int cpus();

    String cpusetCpus();

    String cpusetMems();

    int capLastCap();

    /** This process's capability bounding set (CapBnd), one bit per capability. */
    long boundingSet();

    /** This process's hard limits, by OCI name (RLIMIT_NOFILE); -1 = unlimited. */
    Map<String, Long> hardLimits();

    /** The node at {@code path}, following links; empty when it is not a device. */
    java.util.Optional<Device> device(Path path);

    /** Every device node under /dev (for privileged containers), without pts, shm and mqueue. */
    List<Device> allDevices();
}
