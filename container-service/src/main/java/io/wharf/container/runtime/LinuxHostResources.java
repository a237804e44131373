package io.wharf.container.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads /proc, the cgroup v1 cpuset root and device nodes (through the JDK's "unix" attribute view). */
@ApplicationScoped
public class LinuxHostResources implements HostResources {
    private static final int S_IFMT = 0170000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;
    private static final Map<String, String> LIMIT_NAMES = Map.ofEntries(Map.entry("Max cpu time", "CPU"),
            Map.entry("Max file size", "FSIZE"), Map.entry("Max data size", "DATA"),
            Map.entry("Max stack size", "STACK"), Map.entry("Max core file size", "CORE"),
            Map.entry("Max resident set", "RSS"), Map.entry("Max processes", "NPROC"),
            Map.entry("Max open files", "NOFILE"), Map.entry("Max locked memory", "MEMLOCK"),
            Map.entry("Max address space", "AS"), Map.entry("Max file locks", "LOCKS"),
            Map.entry("Max pending signals", "SIGPENDING"), Map.entry("Max msgqueue size", "MSGQUEUE"),
            Map.entry("Max nice priority", "NICE"), Map.entry("Max realtime priority", "RTPRIO"),
            Map.entry("Max realtime timeout", "RTTIME"));

    @Override
    public int cpus() {
        return Runtime.getRuntime().availableProcessors();
    }

    @Override
    public String cpusetCpus() {
        return firstLine(Path.of("/sys/fs/cgroup/cpuset/cpuset.cpus"), "0-" + (cpus() - 1));
    }

    @Override
    public String cpusetMems() {
        return firstLine(Path.of("/sys/fs/cgroup/cpuset/cpuset.mems"), "0");
    }

    @Override
    public int capLastCap() {
        return Integer.parseInt(firstLine(Path.of("/proc/sys/kernel/cap_last_cap"), "40"));
    }

    @Override
    public long boundingSet() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("CapBnd:")) {
                    return Long.parseUnsignedLong(line.substring(7).strip(), 16);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // fall through
        }
        return -1L;
    }

    @Override
    public Map<String, Long> hardLimits() {
        Map<String, Long> out = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                for (Map.Entry<String, String> e : LIMIT_NAMES.entrySet()) {
                    if (line.startsWith(e.getKey() + " ")) {
                        String[] cols = line.substring(e.getKey().length()).trim().split("\\s+");
                        String hard = cols.length > 1 ? cols[1] : "unlimited";
                        out.put("RLIMIT_" + e.getValue(),
                                hard.toLowerCase(Locale.ROOT).equals("unlimited") ? -1L : Long.parseLong(hard));
                    }
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Map.of();
        }
        return out;
    }

    @Override
    public Optional<Device> device(Path path) {
        try {
            Path real = path.toRealPath();
            int mode = (Integer) Files.getAttribute(real, "unix:mode");
            int kind = mode & S_IFMT;
            if (kind != S_IFCHR && kind != S_IFBLK) {
                return Optional.empty();
            }
            long rdev = (Long) Files.getAttribute(real, "unix:rdev");
            long major = ((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL);
            long minor = (rdev & 0xff) | ((rdev >>> 12) & ~0xffL);
            return Optional.of(new Device(path.toString(), kind == S_IFCHR ? 'c' : 'b', major, minor & 0xfffff,
                    mode & 07777, (Integer) Files.getAttribute(real, "unix:uid"),
                    (Integer) Files.getAttribute(real, "unix:gid")));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<Device> allDevices() {
        List<Device> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(Path.of("/dev"))) {
            walk.filter(p -> !p.startsWith("/dev/pts") && !p.startsWith("/dev/shm") && !p.startsWith("/dev/mqueue")
                    && !p.toString().equals("/dev/console") && !p.toString().equals("/dev/ptmx")
                    && !Files.isSymbolicLink(p))
                    .forEach(p -> device(p).ifPresent(out::add));
        } catch (IOException | java.io.UncheckedIOException e) {
            // keep what was found
        }
        return out;
    }

    /**
     * One read with a large buffer: sysctl files answer a read at a non-zero offset with EOF, and the
     * JDK's readAllBytes starts with a one-byte read on files whose size is 0 ("40" read as "4").
     */
    static String firstLine(Path file, String fallback) {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[4096];
            int n = in.read(buf);
            String s = n <= 0 ? "" : new String(buf, 0, n, java.nio.charset.StandardCharsets.US_ASCII).strip();
            return s.isEmpty() ? fallback : s.lines().findFirst().orElse(fallback);
        } catch (IOException e) {
            return fallback;
        }
    }
}
