package io.wharf.volume.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wharf.common.error.ErrorKind;
import io.wharf.common.error.WharfException;
import io.wharf.volume.domain.LocalOptions;
import io.wharf.volume.domain.VolumeNames;
import io.wharf.volume.domain.VolumeRequest;
import io.wharf.volume.store.VolumeEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/** Creating, finding and removing volumes, as moby's volume store does (under a per-name lock). */
@ApplicationScoped
public class VolumeService {
    private static final Logger LOG = Logger.getLogger(VolumeService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final VolumeDrivers drivers;
    private final VolumeLocks locks;
    private final VolumeTransitions transitions;
    private final VolumeQueries queries;

    public VolumeService(VolumeDrivers drivers, VolumeLocks locks, VolumeTransitions transitions,
            VolumeQueries queries) {
        this.drivers = drivers;
        this.locks = locks;
        this.transitions = transitions;
        this.queries = queries;
    }

    /** A created volume, and whether this call created it. */
    public record Outcome(VolumeEntity volume, boolean created) {
    }

    /** {@code docker volume create}: an existing name answers the existing volume (409 if another driver's). */
    public VolumeEntity create(VolumeRequest request) {
        return createOrGet(request, null).volume();
    }

    /**
     * Creates the volume unless it exists; with {@code containerId}, the container's reference is
     * recorded under the same lock, so the volume cannot be removed in between.
     */
    public Outcome createOrGet(VolumeRequest request, String containerId) {
        boolean anonymous = request.name() == null || request.name().isEmpty();
        String name = anonymous ? VolumeNames.anonymous() : request.name();
        VolumeNames.validate(name);
        return locks.with(name, () -> {
            var existing = queries.find(name);
            if (existing.isPresent()) {
                VolumeEntity v = existing.get();
                String driver = request.driver() == null ? "" : request.driver();
                if (!driver.isEmpty() && !driver.equals(v.driver)) {
                    throw WharfException.conflict("create " + name + ": volume name must be unique");
                }
                if (containerId != null) {
                    transitions.referenced(containerId, name);
                }
                return new Outcome(v, false);
            }
            VolumeDriver driver;
            try {
                driver = drivers.get(request.driver());
            } catch (WharfException e) {
                throw driverError("create", name, e);
            }
            Map<String, String> options = request.options() == null ? Map.of() : request.options();
            if (driver instanceof LocalDriver) {
                LocalOptions.validate(name, options);
            }
            Map<String, String> labels = new LinkedHashMap<>(request.labels() == null ? Map.of() : request.labels());
            if (anonymous) {
                labels.put(VolumeRequest.ANONYMOUS_LABEL, "");
            }
            String mountpoint;
            try {
                mountpoint = driver.create(name, options);
            } catch (WharfException e) {
                throw driverError("create", name, e);
            }
            VolumeEntity v = new VolumeEntity();
            v.name = name;
            v.driver = driver.name();
            v.createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            v.labelsJson = write(labels);
            v.optionsJson = write(options);
            v.anonymous = anonymous;
            v.scope = driver.scope();
            v.mountpoint = mountpoint;
            try {
                transitions.created(v, containerId);
            } catch (RuntimeException e) {
                try {
                    driver.remove(name);
                } catch (RuntimeException cleanup) {
                    LOG.warnf("cannot undo the creation of volume %s: %s", name, cleanup.getMessage());
                }
                throw e;
            }
            return new Outcome(v, true);
        });
    }

    /** 404 {@code get <name>: no such volume}. */
    public VolumeEntity get(String name) {
        return queries.find(name).orElseThrow(() -> noSuchVolume(name));
    }

    /**
     * {@code docker volume rm}: 409 while a container references it; {@code force} ignores a missing
     * volume and drops the row even when the driver fails (moby's purge on error).
     */
    public void remove(String name, boolean force) {
        locks.run(name, () -> {
            var found = queries.find(name);
            if (found.isEmpty()) {
                if (force) {
                    return;
                }
                throw noSuchVolume(name);
            }
            VolumeEntity v = found.get();
            List<String> users = queries.users(name);
            if (!users.isEmpty()) {
                throw WharfException.conflict("remove " + name + ": volume is in use - [" + String.join(", ", users) + "]");
            }
            try {
                drivers.get(v.driver).remove(name);
            } catch (WharfException e) {
                if (!force) {
                    throw driverError("remove", name, e);
                }
                LOG.warnf("volume %s purged although its driver failed: %s", name, e.getMessage());
            }
            transitions.destroyed(name, v.driver);
        });
    }

    /** Removes a volume if nothing uses it; answers whether it did. */
    public boolean removeIfUnused(String name) {
        try {
            remove(name, false);
            return true;
        } catch (WharfException e) {
            if (e.kind() != ErrorKind.CONFLICT && e.kind() != ErrorKind.NOT_FOUND) {
                LOG.warnf("cannot remove volume %s: %s", name, e.getMessage());
            }
            return false;
        }
    }

    public static WharfException noSuchVolume(String name) {
        return WharfException.notFound("get " + name + ": no such volume");
    }

    /** moby's OpErr: {@code <op> <name>: <driver's message>}, the kind kept. */
    static WharfException driverError(String op, String name, WharfException e) {
        if (e.getMessage() != null && e.getMessage().startsWith(op + " " + name + ":")) {
            return e;
        }
        return new WharfException(e.kind(), op + " " + name + ": " + e.getMessage(), e);
    }

    static String write(Map<String, String> map) {
        try {
            return JSON.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw WharfException.system("cannot serialise", e);
        }
    }
}
