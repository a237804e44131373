package io.wharf.container.service.mount;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.common.error.WharfException;
import io.wharf.container.domain.mount.MountModes;
import io.wharf.container.domain.mount.MountParser;
import io.wharf.container.domain.mount.MountPoint;
import io.wharf.container.store.ContainerEntity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * moby's registerMountPoints: --volumes-from first (same paths, rw unless ":ro"), then -v binds and
 * --mount entries (a destination twice is {@code Duplicate mount point}), then an anonymous volume for
 * every Config.Volumes path (VOLUME, -v /path) nothing else mounts. Tmpfs of HostConfig.Tmpfs stay
 * where HostConfigSpec puts them.
 */
public final class MountPlanner {

    private MountPlanner() {
    }

    public static List<MountPoint> plan(JsonNode config, JsonNode hostConfig, Function<String, ContainerEntity> lookup) {
        String volumeDriver = hostConfig.path("VolumeDriver").asText("");
        Map<String, MountPoint> mounts = new LinkedHashMap<>();
        for (JsonNode from : hostConfig.path("VolumesFrom")) {
            MountParser.VolumesFrom spec = MountParser.parseVolumesFrom(from.asText(""));
            ContainerEntity source = lookup.apply(spec.container());
            for (MountPoint m : MountPoints.read(source.mountsJson)) {
                MountPoint copy = m.copy();
                copy.rw = m.rw && MountModes.readWrite(spec.mode());
                copy.copyData = false;
                copy.createSource = false;
                mounts.put(copy.destination, copy);
            }
        }
        Set<String> explicit = new HashSet<>();
        for (JsonNode bind : hostConfig.path("Binds")) {
            MountPoint m = MountParser.parseBind(bind.asText(""), volumeDriver);
            if (!explicit.add(m.destination)) {
                throw duplicate(m.destination);
            }
            mounts.put(m.destination, m);
        }
        for (JsonNode spec : hostConfig.path("Mounts")) {
            MountPoint m = MountParser.parseMount(spec, volumeDriver, p -> Files.exists(Path.of(p)));
            if (!explicit.add(m.destination)) {
                throw duplicate(m.destination);
            }
            mounts.put(m.destination, m);
        }
        Set<String> tmpfs = new HashSet<>();
        hostConfig.path("Tmpfs").fieldNames().forEachRemaining(t -> tmpfs.add(MountParser.clean(t)));
        for (String path : (Iterable<String>) () -> config.path("Volumes").fieldNames()) {
            String destination = MountParser.clean(path);
            if (!destination.startsWith("/")) {
                throw WharfException.invalid("invalid mount config for type \"volume\": invalid mount path: '" + path
                        + "' mount path must be absolute");
            }
            if (mounts.containsKey(destination) || tmpfs.contains(destination)) {
                continue;
            }
            MountPoint m = new MountPoint();
            m.type = MountPoint.VOLUME;
            m.destination = destination;
            m.driver = volumeDriver;
            m.copyData = true;
            mounts.put(destination, m);
        }
        return new ArrayList<>(mounts.values());
    }

    private static WharfException duplicate(String destination) {
        return WharfException.invalid("Duplicate mount point: " + destination);
    }
}
