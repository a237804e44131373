package io.wharf.container.runtime;

import io.wharf.container.config.HostLayout;
import io.wharf.container.config.WharfConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Reads /proc, /etc/os-release and {@code runc --version}; computed once, they do not change. */
@ApplicationScoped
public class LinuxHostFacts implements HostFacts {
    private final HostLayout layout;
    private final String runcConfigured;
    private volatile Facts facts;

    public LinuxHostFacts(HostLayout layout, WharfConfig config) {
        this.layout = layout;
        this.runcConfigured = config.runtime().runc();
    }

    @Override
    public Facts facts() {
        Facts f = facts;
        if (f == null) {
            f = read();
            facts = f;
        }
        return f;
    }

    private Facts read() {
        String runcVersion = "";
        String runcCommit = "";
        try {
            Processes.Result v = Processes.run(List.of(Binaries.resolve(runcConfigured), "--version"), Duration.ofSeconds(10));
            for (String line : v.stdout().split("\n")) {
                if (line.startsWith("runc version ")) {
                    runcVersion = line.substring("runc version ".length()).trim();
                } else if (line.startsWith("commit: ")) {
                    runcCommit = line.substring("commit: ".length()).trim();
                }
            }
        } catch (RuntimeException e) {
            runcVersion = "unknown";
        }
        String arch = System.getProperty("os.arch");
        return new Facts(read("/proc/sys/kernel/osrelease"), osRelease("PRETTY_NAME", "Linux"),
                osRelease("VERSION_ID", ""), "amd64".equals(arch) ? "x86_64" : arch,
                Runtime.getRuntime().availableProcessors(), memTotal(), read("/proc/sys/kernel/hostname"),
                backingFs(layout.dataRoot()), Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers")) ? "2" : "1",
                Files.exists(Path.of("/sys/fs/cgroup/memory/memory.memsw.limit_in_bytes")),
                "1".equals(read("/proc/sys/net/ipv4/ip_forward")), runcVersion, runcCommit);
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file)).trim();
        } catch (IOException e) {
            return "";
        }
    }

    private static String osRelease(String key, String fallback) {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
                if (line.startsWith(key + "=")) {
                    return line.substring(key.length() + 1).replaceAll("^\"|\"$", "");
                }
            }
        } catch (IOException ignored) {
            // fall back
        }
        return fallback;
    }

    private static long memTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException ignored) {
            // unknown
        }
        return 0;
    }

    /** The type of the file system holding the data root: the longest mount point that contains it. */
    static String backingFs(Path dir) {
        String path = dir.toAbsolutePath().normalize().toString();
        String best = "";
        String type = "unknown";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
                String[] halves = line.split(" - ", 2);
                String[] fields = halves[0].split(" ");
                if (fields.length < 5 || halves.length < 2) {
                    continue;
                }
                String mountPoint = LinuxMounter.unescape(fields[4]);
                boolean contains = path.equals(mountPoint) || mountPoint.equals("/")
                        || path.startsWith(mountPoint + "/");
                if (contains && mountPoint.length() >= best.length()) {
                    best = mountPoint;
                    type = halves[1].split(" ")[0];
                }
            }
        } catch (IOException ignored) {
            // unknown
        }
        return type;
    }
}
