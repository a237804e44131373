package io.wharf.container.runtime;

/** Facts about this host for {@code docker info}. */
public interface HostFacts {

    record Facts(String kernelVersion, String operatingSystem, String osVersion, String architecture, int ncpu,
            long memTotal, String hostname, String backingFilesystem, String cgroupVersion, boolean swapLimit,
            boolean ipv4Forwarding, String runtimeVersion, String runtimeCommit) {
    }

    Facts facts();
}
