package io.wharf.container.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.container.config.HostLayout;
import io.wharf.container.domain.ContainerState;
import io.wharf.container.runtime.HostFacts;
import jakarta.enterprise.context.ApplicationScoped;

/** This host's part of {@code docker info}; the gateway aggregates it with the other services'. */
@ApplicationScoped
public class InfoService {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ContainerLookup lookup;
    private final HostFacts host;
    private final HostLayout layout;

    public InfoService(ContainerLookup lookup, HostFacts host, HostLayout layout) {
        this.lookup = lookup;
        this.host = host;
        this.layout = layout;
    }

    public ObjectNode info() {
        HostFacts.Facts f = host.facts();
        long running = lookup.count(ContainerState.RUNNING);
        long total = 0;
        for (ContainerState s : ContainerState.values()) {
            total += lookup.count(s);
        }
        ObjectNode o = JSON.objectNode();
        o.put("Containers", total);
        o.put("ContainersRunning", running);
        o.put("ContainersPaused", 0);
        o.put("ContainersStopped", total - running);
        o.put("Driver", "overlay2");
        o.putArray("DriverStatus").addArray().add("Backing Filesystem").add(dockerFsName(f.backingFilesystem()));
        o.put("CgroupDriver", "cgroupfs");
        o.put("CgroupVersion", f.cgroupVersion());
        o.put("KernelVersion", f.kernelVersion());
        o.put("OperatingSystem", f.operatingSystem());
        o.put("OSVersion", f.osVersion());
        o.put("OSType", "linux");
        o.put("Architecture", f.architecture());
        o.put("NCPU", f.ncpu());
        o.put("MemTotal", f.memTotal());
        o.put("Name", f.hostname());
        o.putObject("Runtimes").putObject("runc").put("path", "runc");
        o.put("DefaultRuntime", "runc");
        o.putObject("RuncCommit").put("ID", f.runtimeCommit());
        o.put("DockerRootDir", layout.dataRoot().toString());
        o.put("MemoryLimit", true);
        o.put("SwapLimit", f.swapLimit());
        o.put("CpuCfsPeriod", true);
        o.put("CpuCfsQuota", true);
        o.put("CPUShares", true);
        o.put("CPUSet", true);
        o.put("PidsLimit", true);
        o.put("OomKillDisable", true);
        o.put("IPv4Forwarding", f.ipv4Forwarding());
        o.put("LoggingDriver", "json-file");
        o.putArray("SecurityOptions"); // seccomp is not applied yet, so not claimed
        o.put("runtimeVersion", f.runtimeVersion());
        return o;
    }

    /** Docker's names for backing file systems (ext4 is "extfs"). */
    static String dockerFsName(String fsType) {
        return switch (fsType) {
            case "ext2", "ext3", "ext4" -> "extfs";
            default -> fsType;
        };
    }
}
