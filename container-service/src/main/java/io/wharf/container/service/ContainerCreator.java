package io.wharf.container.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.common.error.WharfException;
import io.wharf.container.client.ImageClient;
import io.wharf.container.domain.ConfigMerger;
import io.wharf.container.domain.ContainerIds;
import io.wharf.container.domain.ContainerNames;
import io.wharf.container.domain.ContainerState;
import io.wharf.container.service.mount.ContainerMounts;
import io.wharf.container.service.network.ContainerNetworking;
import io.wharf.container.store.ContainerEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/** {@code POST /containers/create}: resolve the image, merge its config, unpack its layers, record. */
@ApplicationScoped
public class ContainerCreator {
    private static final Logger LOG = Logger.getLogger(ContainerCreator.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ImageClient images;
    private final SnapshotService snapshots;
    private final RootfsService rootfs;
    private final ContainerTransitions transitions;
    private final HostConfigChecks hostConfigChecks;
    private final ContainerMounts mounts;
    private final ContainerNetworking networking;
    /** Name checks and inserts are serialised; the unique column is the backstop. */
    private final Object naming = new Object();

    public ContainerCreator(ImageClient images, SnapshotService snapshots, RootfsService rootfs,
            ContainerTransitions transitions, HostConfigChecks hostConfigChecks, ContainerMounts mounts,
            ContainerNetworking networking) {
        this.mounts = mounts;
        this.networking = networking;
        this.images = images;
        this.snapshots = snapshots;
        this.rootfs = rootfs;
        this.transitions = transitions;
        this.hostConfigChecks = hostConfigChecks;
    }

    /** Returns the new container's id. */
    public String create(String name, ObjectNode request) {
        String requestedName = name == null || name.isEmpty() ? null : ContainerNames.validate(name);
        String ref = request.path("Image").asText("");
        if (ref.isEmpty()) {
            throw WharfException.invalid("Config cannot be empty in order to create a container");
        }
        ObjectNode hostConfig = request.path("HostConfig").isObject() ? (ObjectNode) request.get("HostConfig")
                : JSON.createObjectNode();
        hostConfigChecks.check(hostConfig);
        JsonNode image = images.inspect(ref);
        String imageId = image.path("Id").asText();
        String id = ContainerIds.generate();
        ObjectNode config = ConfigMerger.merge(request, image.path("Config"), ContainerIds.shortId(id));
        List<String> command = ConfigMerger.command(config);
        if (command.isEmpty()) {
            throw WharfException.invalid("No command specified");
        }
        List<String> layers = snapshots.ensure(images.layers(imageId));

        ContainerEntity c = new ContainerEntity();
        c.id = id;
        c.imageRef = ref;
        c.imageId = imageId;
        c.layers = String.join(",", layers);
        c.created = Instant.now();
        c.configJson = write(config);
        c.hostConfigJson = write(hostConfig);
        c.networkingConfigJson = request.hasNonNull("NetworkingConfig") ? write(request.get("NetworkingConfig")) : null;
        c.state = ContainerState.CREATED;
        c.autoRemove = hostConfig.path("AutoRemove").asBoolean(false);
        c.tty = config.path("Tty").asBoolean(false);
        networking.initialize(c, request, hostConfig);
        c.mountsJson = mounts.prepare(id, config, hostConfig);
        try {
            rootfs.prepare(id);
            synchronized (naming) {
                transitions.created(c, requestedName);
            }
        } catch (RuntimeException e) {
            mounts.abandon(id);
            try {
                rootfs.delete(id);
            } catch (RuntimeException cleanup) {
                LOG.warnf("cannot clean up after failed create of %s: %s", id, cleanup.getMessage());
            }
            throw e;
        }
        return id;
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw WharfException.system("cannot serialise config", e);
        }
    }
}
