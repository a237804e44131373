package io.wharf.container.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes an OCI runtime spec (1.0.2) with Docker's defaults: the 14 default capabilities, private
 * namespaces, /proc masking, a private /dev, and the /etc files bind-mounted from the container dir.
 * No rlimits (the host's hard limits stay in force) and, for now, no seccomp profile.
 */
public final class OciSpecFactory {
    public static final List<String> DEFAULT_CAPABILITIES = List.of("CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID",
            "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW", "CAP_SETGID", "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP",
            "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE");
    static final List<String> MASKED_PATHS = List.of("/proc/asound", "/proc/acpi", "/proc/kcore", "/proc/keys",
            "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi",
            "/sys/firmware", "/sys/devices/virtual/powercap");
    static final List<String> READONLY_PATHS = List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys",
            "/proc/sysrq-trigger");
    static final List<String> NAMESPACES = List.of("pid", "ipc", "uts", "mount", "network");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Everything the spec depends on, already resolved (user ids, final env, paths). */
    public record Input(String hostname, Path rootfs, boolean readonlyRootfs, List<String> args, List<String> env,
            String cwd, int uid, int gid, List<Integer> additionalGids, boolean terminal, Path hostnameFile,
            Path hostsFile, Path resolvConfFile, String cgroupsPath, long shmSizeBytes) {
    }

    private OciSpecFactory() {
    }

    public static ObjectNode build(Input in) {
        ObjectNode spec = JSON.objectNode();
        spec.put("ociVersion", "1.0.2");
        spec.set("process", process(in));
        ObjectNode root = spec.putObject("root");
        root.put("path", in.rootfs().toString());
        root.put("readonly", in.readonlyRootfs());
        spec.put("hostname", in.hostname());
        spec.set("mounts", mounts(in));
        spec.set("linux", linux(in));
        return spec;
    }

    private static ObjectNode process(Input in) {
        ObjectNode p = JSON.objectNode();
        p.put("terminal", in.terminal());
        ObjectNode user = p.putObject("user");
        user.put("uid", in.uid());
        user.put("gid", in.gid());
        if (!in.additionalGids().isEmpty()) {
            ArrayNode gids = user.putArray("additionalGids");
            in.additionalGids().forEach(gids::add);
        }
        p.set("args", strings(in.args()));
        p.set("env", strings(in.env()));
        p.put("cwd", in.cwd());
        ObjectNode caps = p.putObject("capabilities");
        caps.set("bounding", strings(DEFAULT_CAPABILITIES));
        caps.set("effective", strings(DEFAULT_CAPABILITIES));
        caps.set("permitted", strings(DEFAULT_CAPABILITIES));
        p.put("noNewPrivileges", false);
        p.put("oomScoreAdj", 0);
        return p;
    }

    private static ArrayNode mounts(Input in) {
        ArrayNode m = JSON.arrayNode();
        mount(m, "/proc", "proc", "proc", "nosuid", "noexec", "nodev");
        mount(m, "/dev", "tmpfs", "tmpfs", "nosuid", "strictatime", "mode=755", "size=65536k");
        mount(m, "/dev/pts", "devpts", "devpts", "nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620",
                "gid=5");
        mount(m, "/sys", "sysfs", "sysfs", "nosuid", "noexec", "nodev", "ro");
        mount(m, "/sys/fs/cgroup", "cgroup", "cgroup", "ro", "nosuid", "noexec", "nodev");
        mount(m, "/dev/mqueue", "mqueue", "mqueue", "nosuid", "noexec", "nodev");
        mount(m, "/dev/shm", "tmpfs", "shm", "nosuid", "noexec", "nodev", "mode=1777", "size=" + in.shmSizeBytes());
        mount(m, "/etc/resolv.conf", "bind", in.resolvConfFile().toString(), "rbind", "rprivate");
        mount(m, "/etc/hostname", "bind", in.hostnameFile().toString(), "rbind", "rprivate");
        mount(m, "/etc/hosts", "bind", in.hostsFile().toString(), "rbind", "rprivate");
        return m;
    }

    private static void mount(ArrayNode mounts, String destination, String type, String source, String... options) {
        ObjectNode m = mounts.addObject();
        m.put("destination", destination);
        m.put("type", type);
        m.put("source", source);
        m.set("options", strings(List.of(options)));
    }

    private static ObjectNode linux(Input in) {
        ObjectNode l = JSON.objectNode();
        ObjectNode resources = l.putObject("resources");
        ArrayNode devices = resources.putArray("devices");
        device(devices, false, null, null, null, "rwm");
        device(devices, true, "c", null, null, "m");
        device(devices, true, "b", null, null, "m");
        device(devices, true, "c", 1, 3, "rwm"); // null
        device(devices, true, "c", 1, 5, "rwm"); // zero
        device(devices, true, "c", 1, 7, "rwm"); // full
        device(devices, true, "c", 1, 8, "rwm"); // random
        device(devices, true, "c", 1, 9, "rwm"); // urandom
        device(devices, true, "c", 5, 0, "rwm"); // tty
        device(devices, true, "c", 5, 1, "rwm"); // console
        device(devices, true, "c", 5, 2, "rwm"); // ptmx
        device(devices, true, "c", 136, null, "rwm"); // pts
        device(devices, true, "c", 10, 200, "rwm"); // tun
        l.put("cgroupsPath", in.cgroupsPath());
        ArrayNode ns = l.putArray("namespaces");
        NAMESPACES.forEach(type -> ns.addObject().put("type", type));
        l.set("maskedPaths", strings(MASKED_PATHS));
        l.set("readonlyPaths", strings(READONLY_PATHS));
        return l;
    }

    private static void device(ArrayNode devices, boolean allow, String type, Integer major, Integer minor,
            String access) {
        ObjectNode d = devices.addObject();
        d.put("allow", allow);
        if (type != null) {
            d.put("type", type);
        }
        if (major != null) {
            d.put("major", major);
        }
        if (minor != null) {
            d.put("minor", minor);
        }
        d.put("access", access);
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode a = JSON.arrayNode();
        values.forEach(a::add);
        return a;
    }
}
