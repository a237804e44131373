package io.wharf.volume.service;

import io.wharf.common.error.WharfException;
import io.wharf.volume.domain.VolumeRequest;
import io.wharf.volume.store.VolumeEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The host agent's side of volumes: a container references its volumes from its create until its
 * removal (synchronously, so {@code docker volume rm} after {@code docker rm -v} sees the change), and
 * mounts them through their driver while it runs.
 */
@ApplicationScoped
public class ContainerVolumes {
    private static final Logger LOG = Logger.getLogger(ContainerVolumes.class);

    private final VolumeService volumes;
    private final VolumeTransitions transitions;
    private final VolumeQueries queries;
    private final VolumeDrivers drivers;
    private final VolumeLocks locks;

    public ContainerVolumes(VolumeService volumes, VolumeTransitions transitions, VolumeQueries queries,
            VolumeDrivers drivers, VolumeLocks locks) {
        this.volumes = volumes;
        this.transitions = transitions;
        this.queries = queries;
        this.drivers = drivers;
        this.locks = locks;
    }

    /** Creates what is missing and references every volume; on failure nothing taken here is kept. */
    public List<VolumeService.Outcome> acquire(String containerId, List<VolumeRequest> requests) {
        List<VolumeService.Outcome> taken = new ArrayList<>();
        try {
            for (VolumeRequest r : requests) {
                taken.add(volumes.createOrGet(r, containerId));
            }
            return taken;
        } catch (RuntimeException e) {
            for (VolumeService.Outcome o : taken) {
                transitions.released(containerId, o.volume().name);
                if (o.created()) {
                    volumes.removeIfUnused(o.volume().name);
                }
            }
            throw e;
        }
    }

    /** Drops the container's references; with {@code removeAnonymous}, its anonymous volumes nobody else uses go. */
    public List<String> release(String containerId, boolean removeAnonymous) {
        List<String> held = transitions.released(containerId);
        List<String> removed = new ArrayList<>();
        if (removeAnonymous) {
            for (String name : held) {
                if (queries.find(name).map(v -> v.anonymous).orElse(false) && volumes.removeIfUnused(name)) {
                    removed.add(name);
                }
            }
        }
        return removed;
    }

    /** The host path to bind for the container (the driver's Mount). */
    public String mount(String name, String containerId) {
        return locks.with(name, () -> {
            VolumeEntity v = volumes.get(name);
            try {
                String path = drivers.get(v.driver).mount(name, containerId);
                if (path != null && !path.isEmpty() && !path.equals(v.mountpoint)) {
                    transitions.mountpointLearned(name, path);
                }
                return path;
            } catch (WharfException e) {
                drivers.forget(v.driver);
                throw new WharfException(e.kind(), "error while mounting volume '" + nullToEmpty(v.mountpoint)
                        + "': " + e.getMessage(), e);
            }
        });
    }

    public void unmount(String name, String containerId) {
        locks.run(name, () -> {
            var v = queries.find(name);
            if (v.isEmpty()) {
                return;
            }
            try {
                drivers.get(v.get().driver).unmount(name, containerId);
            } catch (WharfException e) {
                LOG.warnf("unmount of volume %s for %s: %s", name, containerId, e.getMessage());
                throw e;
            }
        });
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
