package io.wharf.container.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.common.error.WharfException;
import io.wharf.container.client.ImageCommitClient;
import io.wharf.container.config.HostLayout;
import io.wharf.container.domain.ContainerState;
import io.wharf.container.runtime.ContainerControl;
import io.wharf.container.runtime.UpperDirArchive;
import io.wharf.container.runtime.WhiteoutOps;
import io.wharf.container.store.ContainerEntity;
import io.wharf.eventbus.envelope.EventType;
import io.wharf.eventbus.outbox.EventPublisher;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code docker commit}: under the container's lock, the container is frozen (unless {@code pause=false}),
 * its upper directory written as a layer tar, then thawed; image-service turns the layer and the
 * container's Config (the request body's fields over it, then {@code changes}) into an image. moby's
 * {@code commit} container event follows.
 */
@ApplicationScoped
public class CommitService {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Docker's commit options. */
    public record Options(String container, String repo, String tag, String comment, String author, boolean pause,
            List<String> changes, String configJson) {
    }

    private final ContainerLookup lookup;
    private final ContainerLocks locks;
    private final ContainerControl control;
    private final ControlTransitions transitions;
    private final RootfsService rootfs;
    private final HostLayout layout;
    private final ImageCommitClient images;
    private final EventPublisher events;
    private final UpperDirArchive archive;

    public CommitService(ContainerLookup lookup, ContainerLocks locks, ContainerControl control,
            ControlTransitions transitions, RootfsService rootfs, HostLayout layout, ImageCommitClient images,
            EventPublisher events, WhiteoutOps whiteouts) {
        this.lookup = lookup;
        this.locks = locks;
        this.control = control;
        this.transitions = transitions;
        this.rootfs = rootfs;
        this.layout = layout;
        this.images = images;
        this.events = events;
        this.archive = new UpperDirArchive(whiteouts);
    }

    /** The new image's id. */
    public String commit(Options o) {
        String id = lookup.resolve(o.container()).id;
        return locks.with(id, () -> {
            ContainerEntity c = lookup.resolve(id);
            Path tar = null;
            try {
                tar = writeLayer(c, o.pause());
                String config = mergedConfig(c.configJson, o.configJson());
                String imageId = images.commit(new ImageCommitClient.Request(c.imageId, c.id, o.repo(), o.tag(),
                        o.comment(), o.author(), o.changes(), config), tar);
                String imageRef = o.repo() == null || o.repo().isEmpty() ? ""
                        : familiar(o.repo()) + ":" + (o.tag() == null || o.tag().isEmpty() ? "latest" : o.tag());
                QuarkusTransaction.requiringNew().run(() -> committed(id, imageId, imageRef, o.comment()));
                return imageId;
            } finally {
                if (tar != null) {
                    try {
                        Files.deleteIfExists(tar);
                    } catch (IOException e) {
                        // a stale temporary in tmp/ is harmless
                    }
                }
            }
        });
    }

    private Path writeLayer(ContainerEntity c, boolean pause) {
        boolean freeze = pause && c.state == ContainerState.RUNNING && !c.paused;
        Path tar;
        try {
            Files.createDirectories(layout.tmpDir());
            tar = Files.createTempFile(layout.tmpDir(), "commit-", ".tar");
        } catch (IOException e) {
            throw WharfException.system("cannot create a temporary file: " + e.getMessage(), e);
        }
        if (freeze) {
            control.pause(c.id);
            transitions.paused(c.id, true);
        }
        try (OutputStream out = Files.newOutputStream(tar)) {
            archive.write(rootfs.upper(c.id), out);
        } catch (IOException e) {
            throw WharfException.system("cannot archive the changes of " + c.id + ": " + e.getMessage(), e);
        } finally {
            if (freeze) {
                control.resume(c.id);
                transitions.paused(c.id, false);
            }
        }
        return tar;
    }

    /** moby's merge: the request's non-empty fields over the container's Config. */
    static String mergedConfig(String containerConfig, String requestConfig) {
        try {
            ObjectNode merged = (ObjectNode) JSON.readTree(containerConfig);
            if (requestConfig != null && !requestConfig.isBlank()) {
                JsonNode request = JSON.readTree(requestConfig);
                if (request != null && request.isObject()) {
                    Iterator<Map.Entry<String, JsonNode>> fields = request.fields();
                    while (fields.hasNext()) {
                        Map.Entry<String, JsonNode> f = fields.next();
                        JsonNode v = f.getValue();
                        boolean empty = v.isNull() || (v.isTextual() && v.asText().isEmpty())
                                || (v.isContainerNode() && v.isEmpty()) || (v.isBoolean() && !v.asBoolean())
                                || (v.isNumber() && v.asLong() == 0);
                        if (!empty) {
                            merged.set(f.getKey(), v);
                        }
                    }
                }
            }
            return JSON.writeValueAsString(merged);
        } catch (IOException | ClassCastException e) {
            throw WharfException.invalid("invalid container config: " + e.getMessage());
        }
    }

    /** The name as Docker shows it: without {@code docker.io/} and {@code library/}. */
    static String familiar(String repo) {
        if (repo.startsWith("docker.io/library/") && repo.indexOf('/', "docker.io/library/".length()) < 0) {
            return repo.substring("docker.io/library/".length());
        }
        return repo.startsWith("docker.io/") ? repo.substring("docker.io/".length()) : repo;
    }

    private void committed(String id, String imageId, String imageRef, String comment) {
        ContainerEntity c = lookup.resolve(id);
        Map<String, String> extra = new HashMap<>();
        extra.put("comment", comment == null ? "" : comment);
        extra.put("imageID", imageId);
        extra.put("imageRef", imageRef);
        events.publish(EventType.CONTAINER, "commit", c.id, ContainerTransitions.attributes(c, extra));
    }
}
