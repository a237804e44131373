package io.wharf.container.service.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.common.error.ErrorKind;
import io.wharf.common.error.WharfException;
import io.wharf.container.client.NetworkServiceApi;
import io.wharf.container.domain.ContainerState;
import io.wharf.container.domain.NetworkMode;
import io.wharf.container.service.ContainerLocks;
import io.wharf.container.service.ContainerLookup;
import io.wharf.container.store.ContainerEntity;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * {@code docker network connect} and {@code disconnect}: a running container gets (or loses) the
 * endpoint, its veth and DNS names at once; a stopped one has its configuration changed for its next
 * start. moby's errors for containers on host, none or another container's network.
 */
@ApplicationScoped
public class NetworkConnector {
    private final ContainerLookup lookup;
    private final ContainerLocks locks;
    private final NetworkServiceApi networks;
    private final NetworkStateStore store;
    private final ContainerNetworking networking;

    public NetworkConnector(ContainerLookup lookup, ContainerLocks locks, @RestClient NetworkServiceApi networks,
            NetworkStateStore store, ContainerNetworking networking) {
        this.lookup = lookup;
        this.locks = locks;
        this.networks = networks;
        this.store = store;
        this.networking = networking;
    }

    public void connect(String networkRef, JsonNode body) {
        inLock(networkRef, body, (c, network, name, mode) -> {
            checkModes(mode, name);
            ObjectNode state = NetworkStateStore.networks(c);
            if (state.has(name)) {
                throw new WharfException(ErrorKind.FORBIDDEN, "endpoint with name " + c.name + " already exists in network " + name);
            }
            JsonNode endpointConfig = body.path("EndpointConfig");
            ObjectNode settings = ContainerNetworking.initialSettings(network, endpointConfig);
            state.set(name, settings);
            if (c.state == ContainerState.RUNNING) {
                networking.joinRunning(c, name, settings);
            }
            store.save(c.id, state, NetworkStateStore.ports(c));
        });
    }

    public void disconnect(String networkRef, JsonNode body) {
        inLock(networkRef, body, (c, network, name, mode) -> {
            if (mode.kind() == NetworkMode.Kind.HOST || name.equals("host")) {
                throw WharfException.invalid("container cannot be disconnected from host network or connected to host network");
            }
            ObjectNode state = NetworkStateStore.networks(c);
            JsonNode settings = state.get(name);
            if (settings == null) {
                throw new WharfException(ErrorKind.SYSTEM, "container " + c.id + " is not connected to network " + name);
            }
            if (c.state == ContainerState.RUNNING) {
                networking.leaveRunning(c, settings);
                networks.disconnect(network.path("Id").asText(), c.id);
            }
            state.remove(name);
            store.save(c.id, state, NetworkStateStore.ports(c));
        });
    }

    /** What connect and disconnect act on: the container (under its lock), the network and its name, the mode. */
    private interface Action {
        void run(ContainerEntity c, JsonNode network, String name, NetworkMode mode);
    }

    private void inLock(String networkRef, JsonNode body, Action action) {
        String id = lookup.resolve(body.path("Container").asText()).id;
        locks.run(id, () -> {
            ContainerEntity c = lookup.resolve(id);
            JsonNode network = networks.inspect(networkRef);
            NetworkMode mode = NetworkMode.parse(ContainerNetworking.hostConfig(c).path("NetworkMode").asText(""));
            action.run(c, network, network.path("Name").asText(), mode);
        });
    }

    private static void checkModes(NetworkMode mode, String network) {
        if (mode.kind() == NetworkMode.Kind.HOST || network.equals("host")) {
            throw WharfException.invalid("container cannot be disconnected from host network or connected to host network");
        }
        if (mode.kind() == NetworkMode.Kind.NONE || network.equals("none")) {
            throw WharfException.invalid("container cannot be connected to multiple networks with one of the networks in private (none) mode");
        }
        if (mode.kind() == NetworkMode.Kind.CONTAINER) {
            throw WharfException.invalid("container sharing network namespace with another container or host cannot be connected to any other network");
        }
    }
}
