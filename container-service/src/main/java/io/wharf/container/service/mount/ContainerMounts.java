package io.wharf.container.service.mount;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.common.error.WharfException;
import io.wharf.container.client.VolumeClient;
import io.wharf.container.domain.mount.MountPoint;
import io.wharf.container.runtime.ScopedPaths;
import io.wharf.container.runtime.TreeCopier;
import io.wharf.container.service.ContainerLookup;
import io.wharf.container.store.ContainerEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * A container's binds, volumes and tmpfs mounts through its life: planned and the volumes referenced
 * in volume-service at create (before the row commits), mounted at start (plugins' Mount, bind sources
 * of -v created, a new volume filled from the image), unmounted at exit, released at removal (after
 * the row is gone; anonymous volumes go with {@code rm -v} and {@code --rm}).
 */
@ApplicationScoped
public class ContainerMounts {
    private static final Logger LOG = Logger.getLogger(ContainerMounts.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOCAL = "local";

    private final VolumeClient volumes;
    private final ContainerLookup lookup;
    private final MountEvents events;
    private final MountStore store;
    private final TreeCopier copier;

    public ContainerMounts(VolumeClient volumes, ContainerLookup lookup, MountEvents events, MountStore store,
            TreeCopier copier) {
        this.volumes = volumes;
        this.lookup = lookup;
        this.events = events;
        this.store = store;
        this.copier = copier;
    }

    /** Plans the mounts and references their volumes (creating missing ones); returns them as stored JSON. */
    public String prepare(String id, JsonNode config, JsonNode hostConfig) {
        List<MountPoint> mounts = MountPlanner.plan(config, hostConfig, lookup::resolve);
        List<MountPoint> volumeMounts = mounts.stream().filter(MountPoint::isVolume).toList();
        if (!volumeMounts.isEmpty()) {
            ObjectNode body = JSON.createObjectNode();
            ArrayNode list = body.putArray("Volumes");
            for (MountPoint m : volumeMounts) {
                ObjectNode v = list.addObject();
                v.put("Name", m.name);
                v.put("Driver", m.driver);
                m.driverOpts.forEach(v.putObject("DriverOpts")::put);
                m.labels.forEach(v.putObject("Labels")::put);
            }
            JsonNode answer = volumes.acquire(id, body);
            for (int i = 0; i < volumeMounts.size(); i++) {
                MountPoint m = volumeMounts.get(i);
                JsonNode v = answer.get(i);
                m.name = v.path("Name").asText();
                m.driver = v.path("Driver").asText();
                m.source = v.path("Mountpoint").asText("");
                m.volumeOptions.clear();
                if (LOCAL.equals(m.driver)) {
                    v.path("Options").properties().forEach(e -> m.volumeOptions.put(e.getKey(), e.getValue().asText()));
                }
            }
        }
        return mounts.isEmpty() ? null : MountPoints.write(mounts);
    }

    /** A create that failed after {@link #prepare}: its references go, and the anonymous volumes it made. */
    public void abandon(String id) {
        release(id, true);
    }

    /** Adds the container's mounts to its OCI spec; runs with the rootfs mounted at {@code rootfs}. */
    public void apply(ContainerEntity c, ObjectNode spec, Path rootfs) {
        List<MountPoint> mounts = MountPoints.read(c.mountsJson);
        if (mounts.isEmpty()) {
            return;
        }
        Map<String, String> hostPaths = new HashMap<>();
        boolean copied = false;
        for (MountPoint m : mounts) {
            if (MountPoint.BIND.equals(m.type) && m.createSource) {
                createBindSource(m.source);
            }
            if (!m.isVolume()) {
                continue;
            }
            String path = LOCAL.equals(m.driver) ? m.source : volumes.mount(c.id, m.name);
            hostPaths.put(m.destination, path);
            if (m.copyData) {
                fill(m, path, rootfs);
                copied = true;
            }
        }
        if (copied) {
            mounts.forEach(m -> m.copyData = false);
            c.mountsJson = MountPoints.write(mounts);
            store.save(c.id, mounts);
        }
        MountSpec.apply(spec, mounts, hostPaths);
    }

    /** After a successful start: {@code volume mount} events. */
    public void started(ContainerEntity c) {
        List<MountPoint> mounts = MountPoints.read(c.mountsJson);
        if (mounts.stream().anyMatch(MountPoint::isVolume)) {
            events.mounted(c.id, mounts);
        }
    }

    /** After an exit (events) or a failed start (no events): plugins' Unmount. */
    public void stopped(String id, boolean publish) {
        lookup.findById(id).ifPresent(c -> {
            List<MountPoint> mounts = MountPoints.read(c.mountsJson);
            for (MountPoint m : mounts) {
                if (m.isVolume() && !LOCAL.equals(m.driver)) {
                    try {
                        volumes.unmount(id, m.name);
                    } catch (RuntimeException e) {
                        LOG.warnf("unmounting volume %s of %s: %s", m.name, id, e.getMessage());
                    }
                }
            }
            if (publish && mounts.stream().anyMatch(MountPoint::isVolume)) {
                events.unmounted(id, mounts);
            }
        });
    }

    /** After the container's row is gone: volume-service drops its references (read-your-writes for volume rm). */
    public void removed(String id, String mountsJson, boolean removeAnonymous) {
        if (MountPoints.read(mountsJson).stream().anyMatch(MountPoint::isVolume)) {
            release(id, removeAnonymous);
        }
    }

    private void release(String id, boolean removeAnonymous) {
        try {
            volumes.release(id, removeAnonymous);
        } catch (RuntimeException e) {
            LOG.warnf("releasing the volumes of %s: %s", id, e.getMessage());
        }
    }

    /** moby: a -v bind of a missing host path creates it as a directory. */
    private static void createBindSource(String source) {
        Path p = Path.of(source);
        if (Files.exists(p)) {
            return;
        }
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw WharfException.system("error while creating mount source path '" + source + "': " + e.getMessage(), e);
        }
    }

    /** moby's copy-up: an empty volume gets the image's content at its destination (symlinks resolved in the rootfs). */
    private void fill(MountPoint m, String volumePath, Path rootfs) {
        if (!LOCAL.equals(m.driver) || !m.volumeOptions.isEmpty() || volumePath == null || volumePath.isEmpty()) {
            return;
        }
        Path target = Path.of(volumePath);
        Path source = ScopedPaths.resolve(rootfs, m.destination);
        if (!Files.isDirectory(source) || !Files.isDirectory(target) || !isEmpty(target)) {
            return;
        }
        copier.copyContents(source, target);
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
