package io.wharf.container.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads cgroup v1 files under /sys/fs/cgroup/<controller><cgroupPath>/; a missing file reads as 0. */
@ApplicationScoped
public class CgroupV1Stats implements CgroupStats {
    static final Path ROOT = Path.of("/sys/fs/cgroup");
    /** USER_HZ: /proc/stat counts in 1/100 s on Linux. */
    static final long CLOCK_TICKS = 100;

    private final Path root;

    public CgroupV1Stats() {
        this(ROOT);
    }

    CgroupV1Stats(Path root) {
        this.root = root;
    }

    @Override
    public Sample sample(String cgroupPath) {
        Path cpuacct = dir("cpuacct", cgroupPath);
        Path cpu = dir("cpu", cgroupPath);
        Path memory = dir("memory", cgroupPath);
        Path pids = dir("pids", cgroupPath);
        Path blkio = dir("blkio", cgroupPath);
        Map<String, Long> cpuStat = keyed(cpuacct.resolve("cpuacct.stat"));
        Map<String, Long> throttling = keyed(cpu.resolve("cpu.stat"));
        List<Long> perCpu = new ArrayList<>();
        for (String v : read(cpuacct.resolve("cpuacct.usage_percpu")).split("\\s+")) {
            if (!v.isBlank()) {
                perCpu.add(Long.parseLong(v));
            }
        }
        String pidsMax = read(pids.resolve("pids.max"));
        return new Sample(number(cpuacct.resolve("cpuacct.usage")), perCpu,
                cpuStat.getOrDefault("user", 0L) * (1_000_000_000L / CLOCK_TICKS),
                cpuStat.getOrDefault("system", 0L) * (1_000_000_000L / CLOCK_TICKS),
                throttling.getOrDefault("nr_periods", 0L), throttling.getOrDefault("nr_throttled", 0L),
                throttling.getOrDefault("throttled_time", 0L), number(memory.resolve("memory.usage_in_bytes")),
                number(memory.resolve("memory.max_usage_in_bytes")), number(memory.resolve("memory.limit_in_bytes")),
                keyed(memory.resolve("memory.stat")), number(pids.resolve("pids.current")),
                pidsMax.equals("max") || pidsMax.isEmpty() ? 0 : Long.parseLong(pidsMax),
                blkio(blkio.resolve("blkio.throttle.io_service_bytes")),
                blkio(blkio.resolve("blkio.throttle.io_serviced")));
    }

    @Override
    public long systemCpuNanos() {
        String first = read(Path.of("/proc/stat")).lines().findFirst().orElse("");
        long ticks = 0;
        String[] f = first.trim().split("\\s+");
        // cpu user nice system idle iowait irq softirq steal (guest time is already in user)
        for (int i = 1; i < f.length && i <= 8; i++) {
            ticks += Long.parseLong(f[i]);
        }
        return ticks * (1_000_000_000L / CLOCK_TICKS);
    }

    @Override
    public int onlineCpus() {
        return Runtime.getRuntime().availableProcessors();
    }

    @Override
    public List<Integer> pids(String cgroupPath) {
        List<Integer> out = new ArrayList<>();
        for (String line : read(dir("pids", cgroupPath).resolve("cgroup.procs")).split("\n")) {
            if (!line.isBlank()) {
                out.add(Integer.parseInt(line.strip()));
            }
        }
        return out;
    }

    private Path dir(String controller, String cgroupPath) {
        return root.resolve(controller).resolve(cgroupPath.replaceFirst("^/+", ""));
    }

    static List<BlkioEntry> blkio(Path file) {
        List<BlkioEntry> out = new ArrayList<>();
        for (String line : read(file).split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 3 && f[0].contains(":")) {
                String[] dev = f[0].split(":");
                out.add(new BlkioEntry(Long.parseLong(dev[0]), Long.parseLong(dev[1]), f[1], Long.parseLong(f[2])));
            }
        }
        return out;
    }

    static Map<String, Long> keyed(Path file) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String line : read(file).split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 2) {
                try {
                    out.put(f[0], Long.parseLong(f[1]));
                } catch (NumberFormatException e) {
                    // not a counter
                }
            }
        }
        return out;
    }

    private static long number(Path file) {
        String s = read(file);
        try {
            return s.isEmpty() ? 0 : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            return "";
        }
    }
}
