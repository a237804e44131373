package io.wharf.volume.service;

import io.wharf.eventbus.envelope.Actions;
import io.wharf.eventbus.envelope.EventType;
import io.wharf.eventbus.outbox.EventPublisher;
import io.wharf.volume.store.ReferenceRepository;
import io.wharf.volume.store.VolumeEntity;
import io.wharf.volume.store.VolumeReference;
import io.wharf.volume.store.VolumeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/** Every change of volume rows and references, each in one transaction with its Docker event. */
@ApplicationScoped
public class VolumeTransitions {
    private final VolumeRepository volumes;
    private final ReferenceRepository references;
    private final EventPublisher events;

    public VolumeTransitions(VolumeRepository volumes, ReferenceRepository references, EventPublisher events) {
        this.volumes = volumes;
        this.references = references;
        this.events = events;
    }

    /** A new volume, with {@code create {driver}}; referenced by {@code containerId} at once when given. */
    @Transactional
    public void created(VolumeEntity volume, String containerId) {
        volumes.persist(volume);
        events.publish(EventType.VOLUME, Actions.CREATE, volume.name, Map.of("driver", volume.driver));
        if (containerId != null) {
            referenced(containerId, volume.name);
        }
    }

    @Transactional
    public void referenced(String containerId, String volumeName) {
        if (references.findById(containerId + "/" + volumeName) == null) {
            references.persist(VolumeReference.of(containerId, volumeName));
        }
    }

    /** Drops a container's references; returns the volumes it referenced. */
    @Transactional
    public List<String> released(String containerId) {
        List<String> held = references.heldBy(containerId).stream().map(r -> r.volumeName).toList();
        references.delete("containerId", containerId); // a bulk delete: idempotent if the rows went meanwhile
        return held;
    }

    @Transactional
    public void released(String containerId, String volumeName) {
        references.delete("id", containerId + "/" + volumeName);
    }

    @Transactional
    public void destroyed(String name, String driver) {
        volumes.deleteById(name);
        events.publish(EventType.VOLUME, Actions.DESTROY, name, Map.of("driver", driver));
    }

    @Transactional
    public void pruned(long reclaimed) {
        events.publish(EventType.VOLUME, "prune", "", Map.of("reclaimed", Long.toString(reclaimed)));
    }

    @Transactional
    public void mountpointLearned(String name, String mountpoint) {
        VolumeEntity v = volumes.findById(name);
        if (v != null) {
            v.mountpoint = mountpoint;
        }
    }
}
