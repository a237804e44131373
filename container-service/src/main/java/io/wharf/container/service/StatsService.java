package io.wharf.container.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.container.config.WharfConfig;
import io.wharf.container.domain.ContainerState;
import io.wharf.container.domain.StatsJson;
import io.wharf.container.runtime.CgroupStats;
import io.wharf.container.store.ContainerEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Readings of a container's cgroup for {@code docker stats}, and its host pids for {@code top}. */
@ApplicationScoped
public class StatsService {
    private final ContainerLookup lookup;
    private final CgroupStats cgroups;
    private final String cgroupParent;

    public StatsService(ContainerLookup lookup, CgroupStats cgroups, WharfConfig config) {
        this.lookup = lookup;
        this.cgroups = cgroups;
        this.cgroupParent = config.runtime().cgroupParent();
    }

    /** The container as it is now (404 when unknown). */
    public ContainerEntity container(String ref) {
        return lookup.resolve(ref);
    }

    /** A reading, or null when the container does not run (its stats are zeros, as dockerd's). */
    public StatsJson.Reading read(String id) {
        ContainerEntity c = lookup.findById(id).orElse(null);
        if (c == null || c.state != ContainerState.RUNNING) {
            return null;
        }
        return new StatsJson.Reading(Instant.now(), cgroups.sample(cgroupPath(id)), cgroups.systemCpuNanos(),
                cgroups.onlineCpus());
    }

    public ObjectNode json(ContainerEntity c, StatsJson.Reading now, StatsJson.Reading pre) {
        return StatsJson.build(c.id, c.name, now, pre);
    }

    public List<Integer> pids(String id) {
        return cgroups.pids(cgroupPath(id));
    }

    private String cgroupPath(String id) {
        return "/" + cgroupParent + "/" + id;
    }
}
