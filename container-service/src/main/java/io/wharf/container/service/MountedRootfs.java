package io.wharf.container.service;

import io.wharf.container.domain.ContainerState;
import io.wharf.container.store.ContainerEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Gives file operations (export, cp) a container's merged rootfs: the live mount of a running one, or,
 * for a stopped one, a mount made for the operation under the container's lock and always unmounted after.
 */
@ApplicationScoped
public class MountedRootfs {
    private static final Logger LOG = Logger.getLogger(MountedRootfs.class);

    private final ContainerLookup lookup;
    private final ContainerLocks locks;
    private final RootfsService rootfs;

    public MountedRootfs(ContainerLookup lookup, ContainerLocks locks, RootfsService rootfs) {
        this.lookup = lookup;
        this.locks = locks;
        this.rootfs = rootfs;
    }

    public <T> T with(String id, Function<Path, T> action) {
        ContainerEntity running = lookup.resolve(id);
        if (running.state == ContainerState.RUNNING) {
            return action.apply(rootfs.merged(running.id));
        }
        return locks.with(running.id, () -> {
            ContainerEntity c = lookup.resolve(running.id);
            if (c.state == ContainerState.RUNNING) {
                return action.apply(rootfs.merged(c.id));
            }
            Path merged = rootfs.mount(c);
            try {
                return action.apply(merged);
            } finally {
                try {
                    rootfs.unmount(c.id);
                } catch (RuntimeException e) {
                    LOG.warnf("unmounting rootfs of %s after a file operation: %s", c.id, e.getMessage());
                }
            }
        });
    }
}
