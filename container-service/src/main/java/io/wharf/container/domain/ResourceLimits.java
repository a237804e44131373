package io.wharf.container.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.common.error.WharfException;
import java.util.Locale;
import java.util.Map;

/**
 * HostConfig's resource fields: moby's checks (verifyPlatformContainerResources, with its
 * messages), its defaults (adaptContainerSettings) and the OCI {@code linux.resources} and
 * {@code process.rlimits} they become.
 */
public final class ResourceLimits {
    static final long MIN_MEMORY = 6L * 1024 * 1024;
    public static final long CFS_PERIOD = 100_000;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** What the host allows: CPUs, cpuset CPUs and memory nodes, and the hard rlimits we may grant. */
    public record Host(int cpus, String cpusetCpus, String cpusetMems, Map<String, Long> hardLimits) {
    }

    private ResourceLimits() {
    }

    /** Fills in moby's defaults, in place (so inspect shows them): swap = 2 × memory, shm 64 MB. */
    public static void adapt(ObjectNode hc) {
        long memory = hc.path("Memory").asLong(0);
        if (memory > 0 && hc.path("MemorySwap").asLong(0) == 0) {
            hc.put("MemorySwap", memory * 2);
        }
        if (hc.path("ShmSize").asLong(0) == 0) {
            hc.put("ShmSize", 64L * 1024 * 1024);
        }
        int shares = hc.path("CpuShares").asInt(0);
        if (shares > 0 && shares < 2) {
            hc.put("CpuShares", 2);
        } else if (shares > 262_144) {
            hc.put("CpuShares", 262_144);
        }
    }

    public static void validate(JsonNode hc, Host host) {
        long memory = hc.path("Memory").asLong(0);
        long swap = hc.path("MemorySwap").asLong(0);
        long reservation = hc.path("MemoryReservation").asLong(0);
        if (memory != 0 && memory < MIN_MEMORY) {
            throw WharfException.invalid("Minimum memory limit allowed is 6MB");
        }
        if (memory > 0 && swap > 0 && swap < memory) {
            throw WharfException.invalid("Minimum memoryswap limit should be larger than memory limit, see usage");
        }
        if (memory == 0 && swap > 0) {
            throw WharfException.invalid("You should always set the Memory limit when using Memoryswap limit, see usage");
        }
        if (reservation != 0 && reservation < MIN_MEMORY) {
            throw WharfException.invalid("Minimum memory reservation allowed is 6MB");
        }
        if (memory > 0 && reservation > 0 && memory < reservation) {
            throw WharfException.invalid(
                    "Minimum memory limit can not be less than memory reservation limit, see usage");
        }
        long nano = hc.path("NanoCpus").asLong(0);
        long period = hc.path("CpuPeriod").asLong(0);
        long quota = hc.path("CpuQuota").asLong(0);
        if (nano > 0 && period > 0) {
            throw WharfException.invalid("Conflicting options: Nano CPUs and CPU Period cannot both be set");
        }
        if (nano > 0 && quota > 0) {
            throw WharfException.invalid("Conflicting options: Nano CPUs and CPU Quota cannot both be set");
        }
        if (nano < 0 || nano > host.cpus() * 1_000_000_000L) {
            throw WharfException.invalid(String.format(Locale.ROOT,
                    "Range of CPUs is from 0.01 to %d.00, as there are only %d CPUs available", host.cpus(),
                    host.cpus()));
        }
        if (period != 0 && (period < 1000 || period > 1_000_000)) {
            throw WharfException.invalid(
                    "CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)");
        }
        if (quota > 0 && quota < 1000) {
            throw WharfException.invalid("CPU cfs quota can not be less than 1ms (i.e. 1000)");
        }
        int blkio = hc.path("BlkioWeight").asInt(0);
        if (blkio > 0 && (blkio < 10 || blkio > 1000)) {
            throw WharfException.invalid("Range of blkio weight is from 10 to 1000");
        }
        checkCpuset(hc.path("CpusetCpus").asText(""), host.cpusetCpus(), "cpus", "CPUs");
        checkCpuset(hc.path("CpusetMems").asText(""), host.cpusetMems(), "mems", "memory nodes");
        if (hc.path("ShmSize").asLong(0) < 0) {
            throw WharfException.invalid("SHM size can not be less than 0");
        }
        for (JsonNode u : hc.path("Ulimits")) {
            String name = u.path("Name").asText("");
            long soft = u.path("Soft").asLong(0);
            long hard = u.path("Hard").asLong(0);
            String type = rlimitType(name);
            if (soft > hard) {
                throw WharfException.invalid("ulimit soft limit must be less than or equal to hard limit: "
                        + soft + " > " + hard);
            }
            Long hostHard = host.hardLimits().get(type);
            if (hostHard != null && hostHard >= 0 && (hard < 0 || hard > hostHard)) {
                throw WharfException.invalid("ulimit " + name + ": hard limit " + hard
                        + " exceeds the host's hard limit " + hostHard + " (this engine cannot raise it)");
            }
        }
    }

    /** The OCI {@code linux.resources} fields (devices excluded). */
    public static void resources(JsonNode hc, ObjectNode resources) {
        long memory = hc.path("Memory").asLong(0);
        long swap = hc.path("MemorySwap").asLong(0);
        long reservation = hc.path("MemoryReservation").asLong(0);
        ObjectNode mem = JSON.objectNode();
        if (memory > 0) {
            mem.put("limit", memory);
            if (swap != 0) {
                mem.put("swap", swap); // memory+swap, -1 for unlimited
            }
        }
        if (reservation > 0) {
            mem.put("reservation", reservation);
        }
        if (hc.path("OomKillDisable").asBoolean(false)) {
            mem.put("disableOOMKiller", true);
        }
        if (hc.hasNonNull("MemorySwappiness") && hc.get("MemorySwappiness").asLong(-1) >= 0) {
            mem.put("swappiness", hc.get("MemorySwappiness").asLong());
        }
        if (!mem.isEmpty()) {
            resources.set("memory", mem);
        }
        ObjectNode cpu = JSON.objectNode();
        long shares = hc.path("CpuShares").asLong(0);
        if (shares > 0) {
            cpu.put("shares", shares);
        }
        long nano = hc.path("NanoCpus").asLong(0);
        if (nano > 0) {
            cpu.put("period", CFS_PERIOD);
            cpu.put("quota", nano * CFS_PERIOD / 1_000_000_000L);
        } else {
            if (hc.path("CpuPeriod").asLong(0) > 0) {
                cpu.put("period", hc.get("CpuPeriod").asLong());
            }
            if (hc.path("CpuQuota").asLong(0) != 0) {
                cpu.put("quota", hc.get("CpuQuota").asLong());
            }
        }
        if (!hc.path("CpusetCpus").asText("").isEmpty()) {
            cpu.put("cpus", hc.get("CpusetCpus").asText());
        }
        if (!hc.path("CpusetMems").asText("").isEmpty()) {
            cpu.put("mems", hc.get("CpusetMems").asText());
        }
        if (!cpu.isEmpty()) {
            resources.set("cpu", cpu);
        }
        long pids = hc.path("PidsLimit").asLong(0);
        if (pids > 0) {
            resources.putObject("pids").put("limit", pids);
        }
        int blkio = hc.path("BlkioWeight").asInt(0);
        if (blkio > 0) {
            resources.putObject("blockIO").put("weight", blkio);
        }
    }

    /** OCI {@code process.rlimits} from HostConfig.Ulimits. */
    public static ArrayNode rlimits(JsonNode hc) {
        ArrayNode out = JSON.arrayNode();
        for (JsonNode u : hc.path("Ulimits")) {
            ObjectNode r = out.addObject();
            r.put("type", rlimitType(u.path("Name").asText("")));
            r.put("hard", u.path("Hard").asLong());
            r.put("soft", u.path("Soft").asLong());
        }
        return out;
    }

    static String rlimitType(String name) {
        String type = switch (name) {
            case "core", "cpu", "data", "fsize", "locks", "memlock", "msgqueue", "nice", "nofile", "nproc",
                    "rss", "rtprio", "rttime", "sigpending", "stack", "as" -> name;
            default -> null;
        };
        if (type == null) {
            throw WharfException.invalid("invalid ulimit type: " + name);
        }
        return "RLIMIT_" + type.toUpperCase(Locale.ROOT);
    }

    /** "0-2,4" within what the host has; moby's messages. */
    static void checkCpuset(String requested, String available, String kind, String label) {
        if (requested.isEmpty()) {
            return;
        }
        java.util.Set<Integer> want;
        try {
            want = CpuSets.parse(requested);
        } catch (IllegalArgumentException e) {
            throw WharfException.invalid("Invalid value " + requested + " for cpuset " + kind);
        }
        if (!CpuSets.parse(available).containsAll(want)) {
            throw WharfException.invalid("Requested " + label + " are not available - requested " + requested
                    + ", available: " + available);
        }
    }
}
