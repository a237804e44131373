package io.wharf.container.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.common.error.WharfException;
import io.wharf.container.domain.ConfigMerger;
import io.wharf.container.domain.ContainerState;
import io.wharf.container.domain.DockerTime;
import io.wharf.container.domain.HealthState;
import io.wharf.container.service.ExecRegistry;
import io.wharf.container.service.RootfsService;
import io.wharf.container.store.ContainerEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** Docker's ContainerInspect and ContainerSummary shapes, built from a container row. */
@ApplicationScoped
public class ContainerViews {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RootfsService rootfs;
    @jakarta.inject.Inject
    ExecRegistry execs;
    @jakarta.inject.Inject
    io.wharf.container.service.network.NetworkSettingsView networkView;

    public ContainerViews(RootfsService rootfs) {
        this.rootfs = rootfs;
    }

    public ObjectNode inspect(ContainerEntity c, boolean size) {
        JsonNode config = read(c.configJson);
        List<String> argv = ConfigMerger.command(config);
        Path dir = rootfs.dir(c.id);
        ObjectNode o = JSON.createObjectNode();
        o.put("Id", c.id);
        o.put("Created", DockerTime.rfc3339Nano(c.created));
        o.put("Path", argv.isEmpty() ? "" : argv.get(0));
        ArrayNode args = o.putArray("Args");
        argv.stream().skip(1).forEach(args::add);
        o.set("State", state(c));
        o.put("Image", c.imageId);
        o.put("ResolvConfPath", dir.resolve("resolv.conf").toString());
        o.put("HostnamePath", dir.resolve("hostname").toString());
        o.put("HostsPath", dir.resolve("hosts").toString());
        o.put("LogPath", dir.resolve("ctr.log").toString());
        o.put("Name", "/" + c.name);
        o.put("RestartCount", c.restartCount);
        o.put("Driver", "overlay2");
        o.put("Platform", "linux");
        o.put("MountLabel", "");
        o.put("ProcessLabel", "");
        o.put("AppArmorProfile", "");
        List<String> execIds = c.state == ContainerState.RUNNING ? execs.idsOf(c.id) : List.of();
        if (execIds.isEmpty()) {
            o.putNull("ExecIDs");
        } else {
            execIds.forEach(o.putArray("ExecIDs")::add);
        }
        o.set("HostConfig", read(c.hostConfigJson));
        ObjectNode graph = o.putObject("GraphDriver");
        graph.put("Name", "overlay2");
        ObjectNode data = graph.putObject("Data");
        data.put("LowerDir", rootfs.lowerDirs(c).stream().map(Path::toString).collect(Collectors.joining(":")));
        data.put("MergedDir", rootfs.merged(c.id).toString());
        data.put("UpperDir", rootfs.upper(c.id).toString());
        data.put("WorkDir", rootfs.work(c.id).toString());
        if (size) {
            o.put("SizeRw", rootfs.sizeRw(c.id));
            o.put("SizeRootFs", rootfs.sizeRootFs(c));
        }
        o.set("Mounts", io.wharf.container.service.mount.MountPoints.view(c.mountsJson));
        o.set("Config", config);
        o.set("NetworkSettings", networkView.inspect(c));
        return o;
    }

    public ObjectNode summary(ContainerEntity c, boolean size, Instant now) {
        JsonNode config = read(c.configJson);
        ObjectNode o = JSON.createObjectNode();
        o.put("Id", c.id);
        o.putArray("Names").add("/" + c.name);
        o.put("Image", c.imageRef);
        o.put("ImageID", c.imageId);
        o.put("Command", String.join(" ", ConfigMerger.command(config)));
        o.put("Created", c.created.getEpochSecond());
        o.set("Ports", networkView.ports(c));
        if (size) {
            o.put("SizeRw", rootfs.sizeRw(c.id));
            o.put("SizeRootFs", rootfs.sizeRootFs(c));
        }
        o.set("Labels", config.path("Labels").isObject() ? config.get("Labels") : JSON.createObjectNode());
        o.put("State", dockerState(c));
        o.put("Status", status(c, now));
        String networkMode = read(c.hostConfigJson).path("NetworkMode").asText("");
        o.putObject("HostConfig").put("NetworkMode", networkMode.isEmpty() ? "default" : networkMode);
        o.putObject("NetworkSettings").set("Networks", networkView.networks(c));
        o.set("Mounts", io.wharf.container.service.mount.MountPoints.view(c.mountsJson));
        return o;
    }

    /** moby's State.String(): "Up 3 seconds", "Exited (0) 2 minutes ago", "Created". */
    static String status(ContainerEntity c, Instant now) {
        return switch (c.state) {
            case RUNNING -> "Up " + DockerTime.humanDuration(Duration.between(c.startedAt, now))
                    + (c.paused ? " (Paused)" : c.healthJson != null ? " (" + HealthState.psSuffix(c.healthJson) + ")" : "");
            case REMOVING -> "Removal In Progress";
            case DEAD -> "Dead";
            case CREATED -> "Created";
            case EXITED -> c.finishedAt == null ? "Exited (" + c.exitCode + ")"
                    : "Exited (" + c.exitCode + ") " + DockerTime.humanDuration(Duration.between(c.finishedAt, now))
                            + " ago";
        };
    }

    /** State.Status: a frozen running container is "paused". */
    static String dockerState(ContainerEntity c) {
        return c.state == ContainerState.RUNNING && c.paused ? "paused" : c.state.dockerName();
    }

    private static ObjectNode state(ContainerEntity c) {
        ObjectNode s = JSON.createObjectNode();
        s.put("Status", dockerState(c));
        s.put("Running", c.state == ContainerState.RUNNING);
        s.put("Paused", c.state == ContainerState.RUNNING && c.paused);
        s.put("Restarting", false);
        s.put("OOMKilled", Boolean.TRUE.equals(c.oomKilled));
        s.put("Dead", c.state == ContainerState.DEAD);
        s.put("Pid", c.state == ContainerState.RUNNING ? c.pid : 0);
        s.put("ExitCode", c.exitCode);
        s.put("Error", c.error == null ? "" : c.error);
        s.put("StartedAt", DockerTime.rfc3339Nano(c.startedAt));
        s.put("FinishedAt", DockerTime.rfc3339Nano(c.finishedAt));
        if (c.healthJson != null) {
            s.set("Health", HealthState.view(c.healthJson));
        }
        return s;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw WharfException.system("stored JSON is invalid", e);
        }
    }
}
