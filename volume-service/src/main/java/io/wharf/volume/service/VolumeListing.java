package io.wharf.volume.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.common.error.WharfException;
import io.wharf.common.filter.FilterArgs;
import io.wharf.volume.domain.VolumeRequest;
import io.wharf.volume.domain.VolumeView;
import io.wharf.volume.store.VolumeEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code docker volume ls}, {@code prune} and the volumes of {@code docker system df}. */
@ApplicationScoped
public class VolumeListing {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(VolumeListing.class);
    private static final Set<String> LIST_FILTERS = Set.of("dangling", "driver", "label", "name");
    private static final Set<String> PRUNE_FILTERS = Set.of("label", "label!", "all");

    private final VolumeQueries queries;
    private final VolumeService volumes;
    private final VolumeTransitions transitions;
    @jakarta.inject.Inject
    VolumeDrivers drivers;

    public VolumeListing(VolumeQueries queries, VolumeService volumes, VolumeTransitions transitions) {
        this.queries = queries;
        this.volumes = volumes;
        this.transitions = transitions;
    }

    public ObjectNode view(VolumeEntity v) {
        return VolumeView.of(v.name, v.driver, v.createdAt, v.labelsJson, v.optionsJson, v.mountpoint, v.scope);
    }

    /** The view plus, for a plugin's volume, the {@code Status} its VolumeDriver.Get reports. */
    public ObjectNode inspect(VolumeEntity v) {
        ObjectNode o = view(v);
        if (!LocalDriver.NAME.equals(v.driver)) {
            try {
                JsonNode status = drivers.status(v.driver, v.name);
                if (status != null && status.isObject() && !status.isEmpty()) {
                    o.set("Status", status);
                }
            } catch (RuntimeException e) {
                LOG.debugf("no status for volume %s: %s", v.name, e.getMessage());
            }
        }
        return o;
    }

    /** {@code {"Volumes":[...],"Warnings":[]}} with moby's filters. */
    public ObjectNode list(String filtersJson) {
        FilterArgs filters = FilterArgs.parse(filtersJson, LIST_FILTERS);
        Boolean dangling = null;
        for (String d : filters.get("dangling")) {
            boolean value = switch (d.toLowerCase(java.util.Locale.ROOT)) {
                case "true", "1" -> true;
                case "false", "0" -> false;
                default -> throw WharfException.invalid("invalid filter 'dangling=" + d + "'");
            };
            dangling = dangling == null ? value : dangling;
        }
        Map<String, Integer> refs = queries.referenceCounts();
        ObjectNode out = JSON.createObjectNode();
        ArrayNode list = out.putArray("Volumes");
        ArrayNode warnings = JSON.createArrayNode();
        List<VolumeEntity> rows = sorted(queries.all());
        Set<String> known = new java.util.HashSet<>();
        rows.forEach(v -> known.add(v.name));
        for (VolumeEntity v : rows) {
            if (matches(filters, dangling, refs.containsKey(v.name), v.driver, v.name, VolumeView.map(v.labelsJson))) {
                list.add(view(v));
            }
        }
        for (String driver : new java.util.TreeSet<>(rows.stream().map(v -> v.driver)
                .filter(d -> !LocalDriver.NAME.equals(d)).toList())) {
            try {
                for (JsonNode p : drivers.list(driver)) {
                    String name = p.path("Name").asText("");
                    if (name.isEmpty() || !known.add(name) || !matches(filters, dangling, false, driver, name, Map.of())) {
                        continue;
                    }
                    ObjectNode o = list.addObject();
                    o.put("CreatedAt", p.path("CreatedAt").asText(""));
                    o.put("Driver", driver);
                    o.putNull("Labels");
                    o.put("Mountpoint", p.path("Mountpoint").asText(""));
                    o.put("Name", name);
                    o.putNull("Options");
                    o.put("Scope", drivers.scope(driver));
                }
            } catch (WharfException e) {
                warnings.add(e.getMessage()); // moby: a plugin that cannot list is a warning, not a failure
            }
        }
        out.set("Warnings", warnings);
        return out;
    }

    /** moby's ls filters: dangling, driver (exact), name (match), label. */
    private static boolean matches(FilterArgs filters, Boolean dangling, boolean referenced, String driver, String name,
            Map<String, String> labels) {
        return (dangling == null || referenced != dangling) && filters.exact("driver", driver)
                && filters.match("name", name) && filters.matchLabels("label", labels);
    }

    /** Unused anonymous volumes (all unused ones with {@code all=true}), label filters applied. */
    public ObjectNode prune(String filtersJson) {
        FilterArgs filters = FilterArgs.parse(filtersJson, PRUNE_FILTERS);
        boolean all = filters.get("all").stream().anyMatch(a -> a.equalsIgnoreCase("true") || a.equals("1"));
        Map<String, Integer> refs = queries.referenceCounts();
        ObjectNode out = JSON.createObjectNode();
        ArrayNode deleted = JSON.createArrayNode();
        long reclaimed = 0;
        for (VolumeEntity v : sorted(queries.all())) {
            Map<String, String> labels = VolumeView.map(v.labelsJson);
            if (refs.containsKey(v.name) || (!all && !labels.containsKey(VolumeRequest.ANONYMOUS_LABEL))
                    || !filters.matchLabels("label", labels) || !filters.matchNoLabels("label!", labels)) {
                continue;
            }
            long size = LocalDriver.NAME.equals(v.driver) ? LocalVolumes.size(Path.of(v.mountpoint)) : 0;
            if (volumes.removeIfUnused(v.name)) {
                deleted.add(v.name);
                reclaimed += Math.max(0, size);
            }
        }
        transitions.pruned(reclaimed);
        if (deleted.isEmpty()) {
            out.putNull("VolumesDeleted");
        } else {
            out.set("VolumesDeleted", deleted);
        }
        out.put("SpaceReclaimed", reclaimed);
        return out;
    }

    /** Every volume with UsageData {Size, RefCount} (Size -1 when not measurable: plugins). */
    public ArrayNode diskUsage() {
        Map<String, Integer> refs = queries.referenceCounts();
        ArrayNode out = JSON.createArrayNode();
        for (VolumeEntity v : sorted(queries.all())) {
            ObjectNode o = view(v);
            ObjectNode usage = o.putObject("UsageData");
            usage.put("Size", LocalDriver.NAME.equals(v.driver) ? LocalVolumes.size(Path.of(v.mountpoint)) : -1);
            usage.put("RefCount", refs.getOrDefault(v.name, 0));
            out.add(o);
        }
        return out;
    }

    private static List<VolumeEntity> sorted(List<VolumeEntity> all) {
        return all.stream().sorted(Comparator.comparing(v -> v.name)).toList();
    }
}
