package io.wharf.container.service.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.wharf.common.error.WharfException;
import io.wharf.container.store.ContainerEntity;
import io.wharf.container.store.ContainerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;

/**
 * A container's networks and published ports, kept as JSON in its row: {@code networksJson} maps each
 * network name to Docker's EndpointSettings plus a {@code Wharf} object with what the agent plumbed (bridge,
 * veth, interface, network settings), which views strip; {@code portsJson} is NetworkSettings.Ports.
 */
@ApplicationScoped
public class NetworkStateStore {
    static final ObjectMapper JSON = new ObjectMapper();

    private final ContainerRepository containers;

    public NetworkStateStore(ContainerRepository containers) {
        this.containers = containers;
    }

    public static ObjectNode networks(ContainerEntity c) {
        return object(c.networksJson);
    }

    public static ObjectNode ports(ContainerEntity c) {
        return object(c.portsJson);
    }

    public void save(String id, ObjectNode networks, ObjectNode ports) {
        QuarkusTransaction.joiningExisting().run(() -> {
            ContainerEntity c = containers.findById(id);
            if (c != null) {
                c.networksJson = networks.toString();
                c.portsJson = ports.toString();
            }
        });
    }

    static ObjectNode object(String json) {
        if (json == null || json.isEmpty()) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode n = JSON.readTree(json);
            return n.isObject() ? (ObjectNode) n : JSON.createObjectNode();
        } catch (IOException e) {
            throw WharfException.system("stored network state is invalid", e);
        }
    }
}
