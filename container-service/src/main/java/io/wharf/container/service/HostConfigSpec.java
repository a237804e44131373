package io.wharf.container.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.common.error.WharfException;
import io.wharf.container.domain.Capabilities;
import io.wharf.container.domain.ConfigMerger;
import io.wharf.container.domain.ContainerState;
import io.wharf.container.domain.NamespaceModes;
import io.wharf.container.domain.ResourceLimits;
import io.wharf.container.domain.SeccompDefault;
import io.wharf.container.domain.SeccompProfiles;
import io.wharf.container.domain.SecurityOptions;
import io.wharf.container.runtime.HostResources;
import io.wharf.container.store.ContainerEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Applies a container's HostConfig to the OCI spec that {@link OciSpecFactory} built with Docker's
 * defaults: resources, rlimits, capabilities, privileged, seccomp, no-new-privileges, tmpfs,
 * sysctls, devices, extra groups, shared namespaces and the init process.
 */
@ApplicationScoped
public class HostConfigSpec {
    /** Where Debian's tini package puts its static build; bind-mounted as /sbin/docker-init. */
    static final Path TINI = Path.of("/usr/bin/tini-static");
    static final String INIT_PATH = "/sbin/docker-init";

    private final HostResources host;
    private final ContainerLookup lookup;

    public HostConfigSpec(HostResources host, ContainerLookup lookup) {
        this.host = host;
        this.lookup = lookup;
    }

    public void apply(ObjectNode spec, JsonNode hc, Path rootfs) {
        ObjectNode process = (ObjectNode) spec.get("process");
        ObjectNode linux = (ObjectNode) spec.get("linux");
        ObjectNode resources = (ObjectNode) linux.get("resources");
        boolean privileged = hc.path("Privileged").asBoolean(false);

        List<String> caps = Capabilities.effective(ConfigMerger.strings(hc.get("CapAdd")),
                ConfigMerger.strings(hc.get("CapDrop")), privileged, Capabilities.supported(host.capLastCap(), host.boundingSet()));
        ObjectNode capabilities = process.putObject("capabilities");
        for (String set : List.of("bounding", "effective", "permitted")) {
            ArrayNode a = capabilities.putArray(set);
            caps.forEach(a::add);
        }
        SecurityOptions sec = SecurityOptions.parse(ConfigMerger.strings(hc.get("SecurityOpt")));
        process.put("noNewPrivileges", sec.noNewPrivileges());
        if (!privileged && !SecurityOptions.UNCONFINED.equals(sec.seccomp())) {
            String profile = sec.seccomp();
            linux.set("seccomp", profile == null || profile.equals("builtin")
                    ? SeccompDefault.build(caps, SeccompProfiles.goArch())
                    : SeccompProfiles.fromDocker(profile, caps, SeccompProfiles.goArch()));
        }

        ResourceLimits.resources(hc, resources);
        ArrayNode rlimits = ResourceLimits.rlimits(hc);
        if (!rlimits.isEmpty()) {
            process.set("rlimits", rlimits);
        }
        if (privileged) {
            privileged(spec, linux, resources);
        }
        devices(hc, linux, resources);
        tmpfs(hc, (ArrayNode) spec.get("mounts"));
        if (hc.path("Sysctls").isObject() && !hc.get("Sysctls").isEmpty()) {
            linux.set("sysctl", hc.get("Sysctls").deepCopy());
        }
        groups(hc, (ObjectNode) process.get("user"), rootfs);
        namespaces(spec, linux, hc);
        if (hc.path("Init").asBoolean(false)) {
            init(spec, process);
        }
    }

    private void privileged(ObjectNode spec, ObjectNode linux, ObjectNode resources) {
        linux.putArray("maskedPaths");
        linux.putArray("readonlyPaths");
        for (JsonNode m : spec.get("mounts")) {
            String dest = m.path("destination").asText();
            if (dest.equals("/sys") || dest.equals("/sys/fs/cgroup")) {
                ArrayNode options = ((ObjectNode) m).putArray("options");
                options.add("nosuid").add("noexec").add("nodev").add("rw");
            }
        }
        ArrayNode cgroupRules = resources.putArray("devices");
        cgroupRules.addObject().put("allow", true).put("access", "rwm");
        ArrayNode devices = linux.withArray("devices");
        for (HostResources.Device d : host.allDevices()) {
            addDevice(devices, d, d.path());
        }
    }

    private void devices(JsonNode hc, ObjectNode linux, ObjectNode resources) {
        for (JsonNode d : hc.path("Devices")) {
            String onHost = d.path("PathOnHost").asText("");
            String inContainer = d.path("PathInContainer").asText("");
            HostResources.Device dev = host.device(Path.of(onHost)).orElseThrow(() -> WharfException.invalid(
                    "error gathering device information while adding custom device \"" + onHost
                            + "\": no such file or directory"));
            addDevice(linux.withArray("devices"), dev, inContainer.isEmpty() ? onHost : inContainer);
            ObjectNode rule = resources.withArray("devices").addObject();
            rule.put("allow", true);
            rule.put("type", String.valueOf(dev.type()));
            rule.put("major", dev.major());
            rule.put("minor", dev.minor());
            rule.put("access", d.path("CgroupPermissions").asText("rwm"));
        }
    }

    private static void addDevice(ArrayNode devices, HostResources.Device d, String path) {
        ObjectNode o = devices.addObject();
        o.put("path", path);
        o.put("type", String.valueOf(d.type()));
        o.put("major", d.major());
        o.put("minor", d.minor());
        o.put("fileMode", d.fileMode());
        o.put("uid", d.uid());
        o.put("gid", d.gid());
    }

    /** moby's tmpfs defaults: noexec, nosuid, nodev, then the user's options. */
    private static void tmpfs(JsonNode hc, ArrayNode mounts) {
        for (Map.Entry<String, JsonNode> t : hc.path("Tmpfs").properties()) {
            String dest = t.getKey();
            for (Iterator<JsonNode> it = mounts.iterator(); it.hasNext();) {
                if (it.next().path("destination").asText().equals(dest)) {
                    it.remove();
                }
            }
            ObjectNode m = mounts.addObject();
            m.put("destination", dest);
            m.put("type", "tmpfs");
            m.put("source", "tmpfs");
            ArrayNode options = m.putArray("options");
            options.add("noexec").add("nosuid").add("nodev");
            for (String o : t.getValue().asText("").split(",")) {
                if (!o.isBlank()) {
                    options.add(o.strip());
                }
            }
        }
    }

    private static void groups(JsonNode hc, ObjectNode user, Path rootfs) {
        List<String> add = ConfigMerger.strings(hc.get("GroupAdd"));
        if (add.isEmpty()) {
            return;
        }
        ArrayNode gids = user.withArray("additionalGids");
        for (String g : add) {
            gids.add(groupId(g, rootfs));
        }
    }

    static long groupId(String group, Path rootfs) {
        if (!group.isEmpty() && group.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(group);
        }
        try {
            Path file = rootfs.resolve("etc/group");
            if (Files.isRegularFile(file)) {
                for (String line : Files.readAllLines(file)) {
                    String[] f = line.split(":", -1);
                    if (f.length >= 3 && f[0].equals(group)) {
                        return Long.parseLong(f[2]);
                    }
                }
            }
        } catch (IOException | NumberFormatException e) {
            // fall through
        }
        throw WharfException.invalid("Unable to find group " + group + ": no matching entries in group file");
    }

    private void namespaces(ObjectNode spec, ObjectNode linux, JsonNode hc) {
        List<NamespaceModes> modes = new ArrayList<>();
        modes.add(NamespaceModes.parse("ipc", hc.path("IpcMode").asText(""), true));
        modes.add(NamespaceModes.parse("pid", hc.path("PidMode").asText(""), false));
        modes.add(NamespaceModes.parse("uts", hc.path("UTSMode").asText(""), false));
        ArrayNode ns = (ArrayNode) linux.get("namespaces");
        for (NamespaceModes mode : modes) {
            if (!mode.host() && mode.container() == null) {
                continue;
            }
            for (Iterator<JsonNode> it = ns.iterator(); it.hasNext();) {
                if (it.next().path("type").asText().equals(mode.ns())) {
                    it.remove();
                }
            }
            if (mode.host()) {
                if (mode.ns().equals("uts")) {
                    spec.remove("hostname");
                }
                continue;
            }
            ContainerEntity other = lookup.resolve(mode.container());
            if (other.state != ContainerState.RUNNING || other.pid <= 0) {
                throw WharfException.conflict("cannot join " + mode.ns().toUpperCase(java.util.Locale.ROOT)
                        + " of a non running container: " + other.id);
            }
            ObjectNode joined = ns.addObject();
            joined.put("type", mode.ns());
            joined.put("path", "/proc/" + other.pid + "/ns/" + mode.ns());
            if (mode.ns().equals("uts")) {
                spec.remove("hostname");
            }
        }
    }

    private static void init(ObjectNode spec, ObjectNode process) {
        if (!Files.isExecutable(TINI)) {
            throw WharfException.system("--init needs " + TINI + " (Debian package tini)", null);
        }
        ObjectNode m = ((ArrayNode) spec.get("mounts")).addObject();
        m.put("destination", INIT_PATH);
        m.put("type", "bind");
        m.put("source", TINI.toString());
        m.putArray("options").add("bind").add("ro");
        ArrayNode command = ((ArrayNode) process.get("args")).deepCopy();
        ArrayNode args = process.putArray("args");
        args.add(INIT_PATH).add("--");
        args.addAll(command);
    }
}
