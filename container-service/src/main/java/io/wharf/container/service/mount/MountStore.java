package io.wharf.container.service.mount;

import io.wharf.container.domain.mount.MountPoint;
import io.wharf.container.store.ContainerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Rewrites a container's stored mounts (once the image content was copied into its new volumes). */
@ApplicationScoped
public class MountStore {
    private final ContainerRepository repository;

    public MountStore(ContainerRepository repository) {
        this.repository = repository;
    }

    @Transactional
    public void save(String containerId, List<MountPoint> mounts) {
        repository.findByIdOptional(containerId).ifPresent(c -> c.mountsJson = MountPoints.write(mounts));
    }
}
