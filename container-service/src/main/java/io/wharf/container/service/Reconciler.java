package io.wharf.container.service;

import io.quarkus.runtime.StartupEvent;
import io.wharf.container.config.HostLayout;
import io.wharf.container.domain.ContainerIds;
import io.wharf.container.runtime.ExitWatcher;
import io.wharf.container.runtime.OciRuntime;
import io.wharf.container.store.ContainerEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * At start-up, brings the records in line with the host (live restore): containers that exited while
 * the agent was down are finished as if just seen, those whose conmon still runs stay running, and
 * container directories without a record (a create or start the database never got) are torn down;
 * then stopped containers start again where their restart policy says so, as at dockerd's start.
 */
@ApplicationScoped
public class Reconciler {
    private static final Logger LOG = Logger.getLogger(Reconciler.class);

    private final HostLayout layout;
    private final ContainerLookup lookup;
    private final ExitWatcher exits;
    private final ExitHandler exitHandler;
    private final OciRuntime runtime;
    private final RootfsService rootfs;
    private final HealthMonitor health;
    private final RestartSupervisor restarts;

    public Reconciler(HostLayout layout, ContainerLookup lookup, ExitWatcher exits, ExitHandler exitHandler,
            OciRuntime runtime, RootfsService rootfs, HealthMonitor health, RestartSupervisor restarts) {
        this.restarts = restarts;
        this.layout = layout;
        this.lookup = lookup;
        this.exits = exits;
        this.exitHandler = exitHandler;
        this.runtime = runtime;
        this.rootfs = rootfs;
        this.health = health;
    }

    @jakarta.inject.Inject
    io.wharf.container.service.network.NetworkLifecycle networkLifecycle;

    void onStart(@Observes StartupEvent event) {
        reconcile();
        networkLifecycle.restore();
        exitHandler.startWatching();
        restarts.agentStarted();
    }

    void reconcile() {
        for (ContainerEntity c : lookup.running()) {
            if (exits.exit(c.id).isPresent()) {
                exitHandler.handle(c.id);
            } else if (!runtime.monitorAlive(rootfs.dir(c.id))) {
                LOG.warnf("container %s lost its monitor while the agent was down", c.id);
                exitHandler.monitorLost(c.id);
            } else {
                LOG.infof("container %s is still running (live restore)", c.id);
                health.started(c, false);
            }
        }
        removeOrphans();
    }

    private void removeOrphans() {
        Path dir = layout.containerDir("x").getParent();
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String id = entry.getFileName().toString();
                if (ContainerIds.isFull(id) && lookup.findById(id).isEmpty()) {
                    LOG.warnf("removing %s: on disk but not recorded", id);
                    try {
                        runtime.delete(id);
                        rootfs.delete(id);
                        exits.clear(id);
                    } catch (RuntimeException e) {
                        LOG.errorf("cannot remove orphan %s: %s", id, e.getMessage());
                    }
                }
            }
        } catch (IOException e) {
            LOG.warnf("cannot list %s: %s", dir, e.getMessage());
        }
    }
}
