package io.wharf.container.domain;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.container.runtime.CgroupStats;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Docker's stats JSON (cgroup v1 flavour, as dockerd 20.10 writes it) from cgroup samples. */
public final class StatsJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    /** One reading: the cgroup counters and the host's CPU time at that moment. */
    public record Reading(Instant at, CgroupStats.Sample sample, long systemCpu, int onlineCpus) {
    }

    private StatsJson() {
    }

    /** @param pre the previous reading, null for none (one-shot, first of a stream) */
    public static ObjectNode build(String id, String name, Reading now, Reading pre) {
        ObjectNode o = JSON.objectNode();
        o.put("read", now == null ? ZERO_TIME : DockerTime.rfc3339Nano(now.at()));
        o.put("preread", pre == null ? ZERO_TIME : DockerTime.rfc3339Nano(pre.at()));
        CgroupStats.Sample s = now == null ? null : now.sample();
        ObjectNode pids = o.putObject("pids_stats");
        if (s != null) {
            pids.put("current", s.pidsCurrent());
            if (s.pidsLimit() > 0) {
                pids.put("limit", s.pidsLimit());
            }
        }
        ObjectNode blkio = o.putObject("blkio_stats");
        blkio.set("io_service_bytes_recursive", s == null ? JSON.nullNode() : blkio(s.ioServiceBytes()));
        blkio.set("io_serviced_recursive", s == null ? JSON.nullNode() : blkio(s.ioServiced()));
        for (String k : List.of("io_queue_recursive", "io_service_time_recursive", "io_wait_time_recursive",
                "io_merged_recursive", "io_time_recursive", "sectors_recursive")) {
            blkio.putNull(k);
        }
        o.put("num_procs", 0);
        o.putObject("storage_stats");
        o.set("cpu_stats", cpu(now));
        o.set("precpu_stats", cpu(pre));
        ObjectNode memory = o.putObject("memory_stats");
        if (s != null) {
            memory.put("usage", s.memoryUsage());
            memory.put("max_usage", s.memoryMaxUsage());
            ObjectNode stats = memory.putObject("stats");
            for (Map.Entry<String, Long> e : s.memoryStat().entrySet()) {
                stats.put(e.getKey(), e.getValue());
            }
            memory.put("limit", s.memoryLimit());
        }
        o.put("name", "/" + name);
        o.put("id", id);
        o.putObject("networks");
        return o;
    }

    private static ObjectNode cpu(Reading r) {
        ObjectNode c = JSON.objectNode();
        ObjectNode usage = c.putObject("cpu_usage");
        ObjectNode throttling = JSON.objectNode();
        if (r == null) {
            usage.put("total_usage", 0);
            usage.put("usage_in_kernelmode", 0);
            usage.put("usage_in_usermode", 0);
            throttling.put("periods", 0).put("throttled_periods", 0).put("throttled_time", 0);
            c.set("throttling_data", throttling);
            return c;
        }
        CgroupStats.Sample s = r.sample();
        usage.put("total_usage", s.cpuTotal());
        ArrayNode perCpu = usage.putArray("percpu_usage");
        s.perCpu().forEach(perCpu::add);
        usage.put("usage_in_kernelmode", s.cpuSystem());
        usage.put("usage_in_usermode", s.cpuUser());
        c.put("system_cpu_usage", r.systemCpu());
        c.put("online_cpus", r.onlineCpus());
        throttling.put("periods", s.throttlePeriods());
        throttling.put("throttled_periods", s.throttledPeriods());
        throttling.put("throttled_time", s.throttledTime());
        c.set("throttling_data", throttling);
        return c;
    }

    private static ArrayNode blkio(List<CgroupStats.BlkioEntry> entries) {
        ArrayNode a = JSON.arrayNode();
        for (CgroupStats.BlkioEntry e : entries) {
            ObjectNode n = a.addObject();
            n.put("major", e.major());
            n.put("minor", e.minor());
            n.put("op", e.op());
            n.put("value", e.value());
        }
        return a;
    }
}
