package io.wharf.container.service;

import io.wharf.container.domain.ContainerState;
import io.wharf.common.time.DockerTimestamps;
import io.wharf.common.filter.FilterArgs;
import io.wharf.container.store.ContainerEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/** {@code POST /containers/prune?filters=}: removes every container that is not running. */
@ApplicationScoped
public class ContainerPruner {
    private static final Logger LOG = Logger.getLogger(ContainerPruner.class);
    static final Set<String> ACCEPTED = Set.of("until", "label", "label!");

    /** What a prune removed. */
    public record Report(List<String> deleted, long reclaimed) {
    }

    private final ContainerLookup lookup;
    private final ContainerRemover remover;
    private final RootfsService rootfs;
    private final ContainerTransitions transitions;

    public ContainerPruner(ContainerLookup lookup, ContainerRemover remover, RootfsService rootfs,
            ContainerTransitions transitions) {
        this.lookup = lookup;
        this.remover = remover;
        this.rootfs = rootfs;
        this.transitions = transitions;
    }

    public Report prune(String filtersJson) {
        FilterArgs filters = FilterArgs.parse(filtersJson, ACCEPTED);
        Instant now = Instant.now();
        Instant until = null;
        for (String value : filters.get("until")) {
            until = DockerTimestamps.parse(value, now);
        }
        List<String> deleted = new ArrayList<>();
        long reclaimed = 0;
        for (ContainerEntity c : lookup.all()) {
            if (c.state == ContainerState.RUNNING || c.state == ContainerState.REMOVING) {
                continue;
            }
            if (until != null && !c.created.isBefore(until)) {
                continue;
            }
            var labels = ContainerListFilter.labels(ContainerListFilter.read(c.configJson));
            if (!filters.matchLabels("label", labels) || !filters.matchNoLabels("label!", labels)) {
                continue;
            }
            long size = rootfs.sizeRw(c.id);
            try {
                remover.removeStopped(c.id);
                deleted.add(c.id);
                reclaimed += size;
            } catch (RuntimeException e) {
                LOG.warnf("prune: cannot remove %s: %s", c.id, e.getMessage());
            }
        }
        transitions.pruned(reclaimed);
        return new Report(deleted, reclaimed);
    }
}
