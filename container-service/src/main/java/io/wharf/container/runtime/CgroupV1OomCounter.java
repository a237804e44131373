package io.wharf.container.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code oom_kill} line of cgroup v1's {@code memory.oom_control} (read before runc deletes the cgroup). */
@ApplicationScoped
public class CgroupV1OomCounter implements OomCounter {
    private final Path root;

    public CgroupV1OomCounter() {
        this(CgroupV1Stats.ROOT);
    }

    CgroupV1OomCounter(Path root) {
        this.root = root;
    }

    @Override
    public long oomKills(String cgroupPath) {
        Path file = root.resolve("memory").resolve(cgroupPath.replaceFirst("^/+", "")).resolve("memory.oom_control");
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            return 0;
        }
    }

    static long parse(String oomControl) {
        for (String line : oomControl.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 2 && f[0].equals("oom_kill")) {
                return Long.parseLong(f[1]);
            }
        }
        return 0;
    }
}
