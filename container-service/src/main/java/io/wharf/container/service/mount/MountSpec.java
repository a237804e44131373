package io.wharf.container.service.mount;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.container.domain.mount.MountModes;
import io.wharf.container.domain.mount.MountPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A container's mounts as OCI spec mounts: binds and volumes as {@code rbind} (ro when read-only, with
 * their propagation), tmpfs with moby's noexec/nosuid/nodev, a local volume created with
 * {@code type=tmpfs} as a tmpfs and one with {@code o=bind,device=} as a bind of its device. A user
 * mount replaces a default one at the same path; mounts are ordered by depth, parents first.
 */
public final class MountSpec {

    private MountSpec() {
    }

    /** {@code hostPaths}: the host path of each volume mount, by destination. */
    public static void apply(ObjectNode spec, List<MountPoint> mounts, Map<String, String> hostPaths) {
        ArrayNode specMounts = (ArrayNode) spec.get("mounts");
        List<ObjectNode> added = new ArrayList<>();
        String rootPropagation = null;
        for (MountPoint m : mounts) {
            ObjectNode o = entry(m, hostPaths.get(m.destination));
            added.add(o);
            String p = m.propagation;
            if (p.equals("shared") || p.equals("rshared")) {
                rootPropagation = "rshared";
            } else if ((p.equals("slave") || p.equals("rslave")) && rootPropagation == null) {
                rootPropagation = "rslave";
            }
        }
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode existing : specMounts) {
            String dest = existing.path("destination").asText();
            if (added.stream().noneMatch(a -> a.path("destination").asText().equals(dest))) {
                all.add(existing);
            }
        }
        all.addAll(added);
        all.sort(Comparator.comparingInt(MountSpec::depth)); // stable: defaults keep their order
        specMounts.removeAll();
        specMounts.addAll(all);
        if (rootPropagation != null) {
            ((ObjectNode) spec.get("linux")).put("rootfsPropagation", rootPropagation);
        }
    }

    static ObjectNode entry(MountPoint m, String hostPath) {
        ObjectNode o = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        o.put("destination", m.destination);
        ArrayNode options = o.putArray("options");
        String localType = m.isVolume() ? m.volumeOptions.getOrDefault("type", "") : "";
        if (MountPoint.TMPFS.equals(m.type) || localType.equals("tmpfs")) {
            o.put("type", "tmpfs");
            o.put("source", "tmpfs");
            if (MountPoint.TMPFS.equals(m.type)) {
                options.add("noexec").add("nosuid").add("nodev"); // a tmpfs volume has only its own options
            }
            String data = MountPoint.TMPFS.equals(m.type) ? m.tmpfsData : m.volumeOptions.getOrDefault("o", "");
            for (String d : data.split(",")) {
                if (!d.isBlank()) {
                    options.add(d.strip());
                }
            }
            if (!m.rw && !data.contains("ro")) {
                options.add("ro");
            }
            return o;
        }
        String source = m.isVolume() ? (localType.equals("none") ? m.volumeOptions.getOrDefault("device", "")
                : hostPath != null ? hostPath : m.source) : m.source;
        o.put("type", "bind");
        o.put("source", source);
        options.add("rbind");
        options.add(m.rw ? "rw" : "ro");
        options.add(m.propagation.isEmpty() ? MountModes.DEFAULT_PROPAGATION : m.propagation);
        return o;
    }

    private static int depth(JsonNode mount) {
        String d = mount.path("destination").asText();
        return (int) d.chars().filter(c -> c == '/').count() - (d.endsWith("/") ? 1 : 0);
    }
}
