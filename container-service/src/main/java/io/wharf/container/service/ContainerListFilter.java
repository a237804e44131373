package io.wharf.container.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wharf.common.error.WharfException;
import io.wharf.common.filter.FilterArgs;
import io.wharf.container.domain.ContainerState;
import io.wharf.container.domain.HealthState;
import io.wharf.container.service.network.NetworkSettingsView;
import io.wharf.container.store.ContainerEntity;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * moby's {@code docker ps} filters applied to one container. {@code before}/{@code since} and
 * {@code ancestor} come resolved (creation times, image ids) from {@link ContainerListing}.
 */
public final class ContainerListFilter {
    public static final Set<String> ACCEPTED = Set.of("ancestor", "before", "exited", "health", "id", "isolation",
            "label", "name", "status", "since", "volume", "network", "is-task", "publish", "expose");
    private static final Set<String> STATES = Set.of("created", "restarting", "running", "removing", "paused",
            "exited", "dead");
    private static final Set<String> HEALTH = Set.of("starting", "healthy", "unhealthy", "none");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FilterArgs filters;
    private final Instant before;
    private final Instant since;
    private final Set<String> ancestorImageIds;

    /** {@code ancestorImageIds}: null when there is no ancestor filter. */
    public ContainerListFilter(FilterArgs filters, Instant before, Instant since, Set<String> ancestorImageIds) {
        this.filters = filters;
        this.before = before;
        this.since = since;
        this.ancestorImageIds = ancestorImageIds;
        validate(filters);
    }

    /** 400 for values moby refuses. */
    static void validate(FilterArgs filters) {
        for (String s : filters.get("status")) {
            if (!STATES.contains(s)) {
                throw WharfException.invalid("invalid filter 'status=" + s + "'");
            }
        }
        for (String h : filters.get("health")) {
            if (!HEALTH.contains(h)) {
                throw WharfException.invalid("invalid filter 'health=" + h + "'");
            }
        }
        for (String e : filters.get("exited")) {
            try {
                Integer.parseInt(e);
            } catch (NumberFormatException x) {
                throw WharfException.invalid("invalid filter 'exited=" + e + "'");
            }
        }
        for (String t : filters.get("is-task")) {
            if (!t.equals("true") && !t.equals("false")) {
                throw WharfException.invalid("invalid filter 'is-task=" + t + "'");
            }
        }
    }

    /** A status filter lists stopped containers too, as {@code -a} would. */
    public boolean impliesAll() {
        return filters.contains("status");
    }

    public boolean matches(ContainerEntity c) {
        JsonNode config = read(c.configJson);
        JsonNode hostConfig = read(c.hostConfigJson);
        Map<String, String> labels = labels(config);
        if (!filters.match("name", "/" + c.name) || !filters.match("id", c.id)
                || !filters.exact("status", c.state == ContainerState.RUNNING && c.paused ? "paused" : c.state.dockerName()) || !filters.matchLabels("label", labels)) {
            return false;
        }
        if (filters.contains("exited") && (c.state != ContainerState.EXITED || c.startedAt == null
                || !filters.get("exited").contains(Integer.toString(c.exitCode)))) {
            return false;
        }
        if (!filters.exact("health", HealthState.status(c.healthJson))) {
            return false;
        }
        boolean task = labels.containsKey("com.docker.swarm.task");
        if (filters.contains("is-task") && !filters.get("is-task").contains(Boolean.toString(task))) {
            return false;
        }
        if (before != null && !c.created.isBefore(before)) {
            return false;
        }
        if (since != null && !c.created.isAfter(since)) {
            return false;
        }
        if (ancestorImageIds != null && !ancestorImageIds.contains(c.imageId)) {
            return false;
        }
        if (!NetworkSettingsView.matchesPorts(c, filters.get("publish"), filters.get("expose"))) {
            return false;
        }
        if (filters.contains("network") && !NetworkSettingsView.onNetwork(c, filters.get("network"))) {
            return false;
        }
        return !filters.contains("volume") || matchesVolume(c);
    }

    /** moby: a volume's name (a bind's source) or any mount's destination. */
    private boolean matchesVolume(ContainerEntity c) {
        return io.wharf.container.service.mount.MountPoints.matchesVolumeFilter(c.mountsJson, filters.get("volume"));
    }

    static Map<String, String> labels(JsonNode config) {
        Map<String, String> labels = new LinkedHashMap<>();
        config.path("Labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json == null ? "{}" : json);
        } catch (IOException e) {
            throw WharfException.system("stored JSON is invalid", e);
        }
    }
}
