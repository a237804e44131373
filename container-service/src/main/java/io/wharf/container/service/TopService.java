package io.wharf.container.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.common.error.WharfException;
import io.wharf.container.domain.ContainerState;
import io.wharf.container.domain.PsOutput;
import io.wharf.container.runtime.ProcessTable;
import io.wharf.container.store.ContainerEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** {@code docker top}: the host's {@code ps} (default {@code -ef}), keeping the container's pids. */
@ApplicationScoped
public class TopService {
    private final ContainerLookup lookup;
    private final StatsService stats;
    private final ProcessTable processes;

    public TopService(ContainerLookup lookup, StatsService stats, ProcessTable processes) {
        this.lookup = lookup;
        this.stats = stats;
        this.processes = processes;
    }

    public ObjectNode top(String ref, String psArgs) {
        ContainerEntity c = lookup.resolve(ref);
        if (c.state != ContainerState.RUNNING) {
            throw WharfException.conflict("Container " + c.id + " is not running");
        }
        String args = psArgs == null || psArgs.isBlank() ? "-ef" : psArgs;
        String output = processes.ps(List.of(args.trim().split("\\s+")));
        return PsOutput.parse(output, stats.pids(c.id));
    }
}
