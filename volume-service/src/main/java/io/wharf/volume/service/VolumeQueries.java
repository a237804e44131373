package io.wharf.volume.service;

import io.wharf.volume.store.ReferenceRepository;
import io.wharf.volume.store.VolumeEntity;
import io.wharf.volume.store.VolumeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads of volume rows and references (each its own short transaction). */
@ApplicationScoped
public class VolumeQueries {
    private final VolumeRepository volumes;
    private final ReferenceRepository references;

    public VolumeQueries(VolumeRepository volumes, ReferenceRepository references) {
        this.volumes = volumes;
        this.references = references;
    }

    @Transactional
    public Optional<VolumeEntity> find(String name) {
        return volumes.findByIdOptional(name);
    }

    @Transactional
    public List<VolumeEntity> all() {
        return volumes.listAll();
    }

    @Transactional
    public List<String> users(String name) {
        return references.containersOf(name);
    }

    @Transactional
    public Map<String, Integer> referenceCounts() {
        return references.counts();
    }

    @Transactional
    public long count() {
        return volumes.count();
    }
}
