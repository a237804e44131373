package io.wharf.container.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.common.error.WharfException;
import io.wharf.container.domain.ContainerState;
import io.wharf.container.domain.ResourceLimits;
import io.wharf.container.runtime.ContainerControl;
import io.wharf.container.store.ContainerEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code POST /containers/{id}/update}: the non-zero resource fields of the body replace the
 * container's (moby's rule), are checked like at create, recorded in HostConfig and, when the
 * container runs, applied with {@code runc update}.
 */
@ApplicationScoped
public class UpdateService {
    static final List<String> NUMBERS = List.of("Memory", "MemorySwap", "MemoryReservation", "CpuShares",
            "NanoCpus", "CpuPeriod", "CpuQuota", "BlkioWeight", "KernelMemory");
    static final List<String> TEXTS = List.of("CpusetCpus", "CpusetMems");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ContainerLookup lookup;
    private final ContainerLocks locks;
    private final ContainerControl control;
    private final ControlTransitions transitions;
    private final HostConfigChecks checks;
    private final RootfsService rootfs;

    public UpdateService(ContainerLookup lookup, ContainerLocks locks, ContainerControl control,
            ControlTransitions transitions, HostConfigChecks checks, RootfsService rootfs) {
        this.lookup = lookup;
        this.locks = locks;
        this.control = control;
        this.transitions = transitions;
        this.checks = checks;
        this.rootfs = rootfs;
    }

    public void update(String ref, JsonNode body) {
        String id = lookup.resolve(ref).id;
        locks.run(id, () -> updateLocked(id, body));
    }

    private void updateLocked(String id, JsonNode body) {
        ContainerEntity c = lookup.resolve(id);
        ObjectNode hc;
        try {
            hc = (ObjectNode) JSON.readTree(c.hostConfigJson);
        } catch (IOException e) {
            throw WharfException.system("stored HostConfig of " + id + " is not JSON", e);
        }
        ObjectNode merged = merge(hc, body);
        ResourceLimits.validate(merged, checks.limits());
        if (c.state == ContainerState.RUNNING) {
            ObjectNode resources = runtimeResources(merged, body);
            Path file = rootfs.dir(id).resolve("update.json");
            try {
                JSON.writeValue(file.toFile(), resources);
                control.update(id, file);
            } catch (IOException e) {
                throw WharfException.system("cannot write " + file + ": " + e.getMessage(), e);
            } catch (WharfException e) {
                throw new WharfException(e.kind(), "Cannot update container " + id + ": " + e.getMessage(), e);
            }
        }
        try {
            transitions.updated(id, JSON.writeValueAsString(merged));
        } catch (IOException e) {
            throw WharfException.system("cannot serialise HostConfig", e);
        }
    }

    /** moby's update rules on a copy of the stored HostConfig. */
    static ObjectNode merge(ObjectNode stored, JsonNode body) {
        ObjectNode hc = stored.deepCopy();
        long memory = body.path("Memory").asLong(0);
        long swap = body.path("MemorySwap").asLong(0);
        long currentSwap = hc.path("MemorySwap").asLong(0);
        if (memory > 0 && swap == 0 && currentSwap > 0 && memory > currentSwap) {
            throw WharfException.invalid("Memory limit should be smaller than already set memoryswap limit, "
                    + "update the memoryswap at the same time");
        }
        if (body.path("NanoCpus").asLong(0) > 0 && (hc.path("CpuPeriod").asLong(0) > 0
                || hc.path("CpuQuota").asLong(0) > 0) && body.path("CpuQuota").asLong(0) == 0) {
            throw WharfException.invalid("Conflicting options: CPU Quota cannot be updated as NanoCPUs has already been set");
        }
        for (String field : NUMBERS) {
            if (body.path(field).asLong(0) != 0) {
                hc.put(field, body.get(field).asLong());
            }
        }
        for (String field : TEXTS) {
            if (!body.path(field).asText("").isEmpty()) {
                hc.put(field, body.get(field).asText());
            }
        }
        if (body.hasNonNull("PidsLimit")) {
            long pids = body.get("PidsLimit").asLong();
            hc.put("PidsLimit", pids > 0 ? pids : 0);
        }
        if (body.path("RestartPolicy").isObject() && !body.get("RestartPolicy").path("Name").asText("").isEmpty()) {
            hc.set("RestartPolicy", body.get("RestartPolicy").deepCopy());
        }
        return hc;
    }

    /** What runc changes: the merged limits, plus pids "unlimited" when the body lifted the limit. */
    static ObjectNode runtimeResources(ObjectNode merged, JsonNode body) {
        ObjectNode resources = JSON.createObjectNode();
        ResourceLimits.resources(merged, resources);
        if (body.hasNonNull("PidsLimit") && body.get("PidsLimit").asLong() <= 0) {
            resources.putObject("pids").put("limit", -1);
        }
        return resources;
    }
}
