package io.wharf.container.runtime;

import java.util.List;
import java.util.Map;

/** Raw counters of a container's cgroup (v1) and of the host, for {@code docker stats} and {@code top}. */
public interface CgroupStats {

    /** One blkio counter: device, operation (Read, Write, Sync, Async, Discard, Total), value. */
    record BlkioEntry(long major, long minor, String op, long value) {
    }

    record Sample(long cpuTotal, List<Long> perCpu, long cpuUser, long cpuSystem, long throttlePeriods,
            long throttledPeriods, long throttledTime, long memoryUsage, long memoryMaxUsage, long memoryLimit,
            Map<String, Long> memoryStat, long pidsCurrent, long pidsLimit, List<BlkioEntry> ioServiceBytes,
            List<BlkioEntry> ioServiced) {
    }

    /** @param cgroupPath the container's cgroupsPath ("/parent/id") */
    Sample sample(String cgroupPath);

    /** Host CPU time in nanoseconds, from the first line of /proc/stat. */
    long systemCpuNanos();

    int onlineCpus();

    /** The host pids in the container's cgroup (the pids controller's cgroup.procs). */
    List<Integer> pids(String cgroupPath);
}
