package io.wharf.container.service.mount;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.common.error.WharfException;
import io.wharf.container.domain.mount.MountPoint;
import java.util.List;
import java.util.Set;

/** A container's stored mounts: JSON both ways, Docker's Mounts view, the ps volume filter. */
public final class MountPoints {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private MountPoints() {
    }

    public static List<MountPoint> read(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<List<MountPoint>>() {
            });
        } catch (JsonProcessingException e) {
            throw WharfException.system("stored mounts are invalid", e);
        }
    }

    public static String write(List<MountPoint> mounts) {
        try {
            return JSON.writeValueAsString(mounts);
        } catch (JsonProcessingException e) {
            throw WharfException.system("cannot serialise mounts", e);
        }
    }

    /** Docker's {@code Mounts} of inspect and ps: Type, Name, Source, Destination, Driver, Mode, RW, Propagation. */
    public static ArrayNode view(String json) {
        ArrayNode out = JSON.createArrayNode();
        for (MountPoint m : read(json)) {
            ObjectNode o = out.addObject();
            o.put("Type", m.type);
            if (m.isVolume()) {
                o.put("Name", m.name);
            }
            o.put("Source", m.source);
            o.put("Destination", m.destination);
            if (m.isVolume()) {
                o.put("Driver", m.driver);
            }
            o.put("Mode", m.mode);
            o.put("RW", m.rw);
            o.put("Propagation", m.propagation);
        }
        return out;
    }

    /** moby's ps {@code volume} filter: a volume's name (a bind's source) or a mount's destination. */
    public static boolean matchesVolumeFilter(String json, Set<String> wanted) {
        for (MountPoint m : read(json)) {
            String key = m.name.isEmpty() ? m.source : m.name;
            if (wanted.contains(m.destination) || wanted.contains(key)) {
                return true;
            }
        }
        return false;
    }
}
