package io.wharf.container.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.common.error.WharfException;
import io.wharf.container.config.HostLayout;
import io.wharf.container.domain.ContainerIds;
import io.wharf.container.domain.ContainerState;
import io.wharf.container.domain.ExecConfig;
import io.wharf.container.domain.ExecProcessSpec;
import io.wharf.container.runtime.ExecProcess;
import io.wharf.container.runtime.ExecRuntime;
import io.wharf.container.store.ContainerEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code docker exec}: exec instances are created, then started once as a process in the running container. */
@ApplicationScoped
public class ExecService {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ContainerLookup lookup;
    private final ExecRegistry registry;
    private final ExecEvents events;
    private final ExecRuntime runtime;
    private final HostLayout layout;
    private final RootfsService rootfs;

    public ExecService(ContainerLookup lookup, ExecRegistry registry, ExecEvents events, ExecRuntime runtime,
            HostLayout layout, RootfsService rootfs) {
        this.lookup = lookup;
        this.registry = registry;
        this.events = events;
        this.runtime = runtime;
        this.layout = layout;
        this.rootfs = rootfs;
    }

    public String create(String ref, ExecConfig config) {
        ContainerEntity c = running(lookup.resolve(ref));
        ExecSession session = new ExecSession(ContainerIds.generate(), c.id, config);
        registry.add(session);
        events.created(session);
        return session.id();
    }

    /** Starts an exec; the caller owns the returned process's streams and must call {@link #finished}. */
    public Started start(String execId) {
        ExecSession s = registry.get(execId);
        ContainerEntity c = lookup.findById(s.containerId())
                .orElseThrow(() -> WharfException.notFound("No such container: " + s.containerId()));
        running(c);
        if (c.paused) {
            throw WharfException.conflict("Container " + c.id + " is paused, unpause the container before exec");
        }
        if (!s.markStarted()) {
            throw WharfException.conflict("Error: Exec command " + execId + " has already run");
        }
        Path file = writeProcess(c, s);
        ExecProcess process = runtime.start(c.id, file, s.config().tty());
        events.started(s);
        s.running(process);
        return new Started(s, process);
    }

    /** The process exited (and its output was delivered). */
    public void finished(Started started, int exitCode) {
        started.session().exited(exitCode);
        events.died(started.session(), exitCode);
        try {
            Files.deleteIfExists(processFile(started.session()));
        } catch (IOException ignored) {
            // removed with the container's directory
        }
    }

    public ExecSession inspect(String execId) {
        return registry.get(execId);
    }

    public record Started(ExecSession session, ExecProcess process) {
    }

    private static ContainerEntity running(ContainerEntity c) {
        if (c.state != ContainerState.RUNNING) {
            throw WharfException.conflict("Container " + c.id + " is not running");
        }
        return c;
    }

    private Path processFile(ExecSession s) {
        return layout.containerDir(s.containerId()).resolve("exec").resolve(s.id() + ".json");
    }

    private Path writeProcess(ContainerEntity c, ExecSession s) {
        try {
            ObjectNode spec = (ObjectNode) JSON.readTree(layout.containerDir(c.id).resolve("config.json").toFile());
            int[] ids = null;
            List<Integer> gids = List.of();
            if (!s.config().user().isEmpty()) {
                UserResolver.Ids resolved = UserResolver.resolve(s.config().user(), rootfs.merged(c.id));
                ids = new int[] {resolved.uid(), resolved.gid()};
                gids = resolved.additionalGids();
            }
            ObjectNode process = ExecProcessSpec.build((ObjectNode) spec.path("process"), s.config(), ids, gids);
            Path file = processFile(s);
            Files.createDirectories(file.getParent());
            JSON.writeValue(file.toFile(), process);
            return file;
        } catch (IOException e) {
            throw WharfException.system("cannot write the exec process of " + c.id + ": " + e.getMessage(), e);
        }
    }
}
