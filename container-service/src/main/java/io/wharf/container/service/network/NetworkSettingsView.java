package io.wharf.container.service.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.container.domain.NetworkMode;
import io.wharf.container.store.ContainerEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;

/**
 * NetworkSettings as dockerd shows them: in inspect, the top-level address fields come from the default
 * {@code bridge} network's endpoint; {@code Networks} has Docker's EndpointSettings per network; in ps, the
 * Ports list and the Networks.
 */
@ApplicationScoped
public class NetworkSettingsView {
    private final ContainerNetworking networking;

    public NetworkSettingsView(ContainerNetworking networking) {
        this.networking = networking;
    }

    public ObjectNode inspect(ContainerEntity c) {
        ObjectNode n = NetworkStateStore.JSON.createObjectNode();
        ObjectNode networks = networks(c);
        JsonNode bridge = networks.path("bridge");
        n.put("Bridge", "");
        n.put("SandboxID", "");
        n.put("HairpinMode", false);
        n.put("LinkLocalIPv6Address", "");
        n.put("LinkLocalIPv6PrefixLen", 0);
        n.set("Ports", NetworkStateStore.ports(c));
        n.put("SandboxKey", networking.sandboxKey(c));
        n.putNull("SecondaryIPAddresses");
        n.putNull("SecondaryIPv6Addresses");
        n.put("EndpointID", bridge.path("EndpointID").asText(""));
        n.put("Gateway", bridge.path("Gateway").asText(""));
        n.put("GlobalIPv6Address", "");
        n.put("GlobalIPv6PrefixLen", 0);
        n.put("IPAddress", bridge.path("IPAddress").asText(""));
        n.put("IPPrefixLen", bridge.path("IPPrefixLen").asInt(0));
        n.put("IPv6Gateway", "");
        n.put("MacAddress", bridge.path("EndpointID").asText("").isEmpty() ? "" : bridge.path("MacAddress").asText(""));
        n.set("Networks", networks);
        return n;
    }

    /** The summary's NetworkSettings.Networks. */
    public ObjectNode networks(ContainerEntity c) {
        ObjectNode networks = NetworkStateStore.networks(c);
        for (JsonNode s : networks) {
            ObjectNode o = (ObjectNode) s;
            o.remove(ContainerNetworking.WHARF);
            o.remove(ContainerNetworking.WHARF + "Mac");
        }
        return networks;
    }

    /** The summary's Ports: one entry per binding, and exposed ports without a binding. */
    public ArrayNode ports(ContainerEntity c) {
        ArrayNode out = NetworkStateStore.JSON.createArrayNode();
        for (Map.Entry<String, JsonNode> e : NetworkStateStore.ports(c).properties()) {
            String[] key = e.getKey().split("/", 2);
            int port = Integer.parseInt(key[0]);
            if (!e.getValue().isArray() || e.getValue().isEmpty()) {
                out.addObject().put("PrivatePort", port).put("Type", key[1]);
                continue;
            }
            for (JsonNode b : e.getValue()) {
                out.addObject().put("IP", b.path("HostIp").asText()).put("PrivatePort", port)
                        .put("PublicPort", b.path("HostPort").asInt()).put("Type", key[1]);
            }
        }
        return out;
    }

    /** moby's {@code network} filter of ps: a network's name or id (prefix) among the container's networks. */
    public static boolean onNetwork(ContainerEntity c, Set<String> terms) {
        if (c.networksJson == null) { // a row from before networking: its network mode names the network
            String name = NetworkMode.parse(
                    ContainerNetworking.hostConfig(c).path("NetworkMode").asText("")).networkName();
            return name != null && terms.contains(name);
        }
        for (Map.Entry<String, JsonNode> e : NetworkStateStore.networks(c).properties()) {
            String id = e.getValue().path("NetworkID").asText("");
            for (String t : terms) {
                if (t.equals(e.getKey()) || (!id.isEmpty() && !t.isEmpty() && id.startsWith(t))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The {@code publish} and {@code expose} filters of ps: {@code 80}, {@code 80/tcp}, {@code 8000-8080/tcp}. */
    public static boolean matchesPorts(ContainerEntity c, Set<String> publish, Set<String> expose) {
        ObjectNode ports = NetworkStateStore.ports(c);
        JsonNode exposed = ContainerNetworking.config(c).path("ExposedPorts");
        for (String term : publish) {
            boolean found = false;
            for (Map.Entry<String, JsonNode> e : ports.properties()) {
                for (JsonNode b : e.getValue()) {
                    found |= portMatches(term, b.path("HostPort").asInt(), e.getKey().split("/", 2)[1]);
                }
            }
            if (!found) {
                return false;
            }
        }
        for (String term : expose) {
            boolean found = false;
            for (String key : (Iterable<String>) exposed::fieldNames) {
                String[] k = key.split("/", 2);
                found |= portMatches(term, Integer.parseInt(k[0]), k.length > 1 ? k[1] : "tcp");
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static boolean portMatches(String term, int port, String proto) {
        String[] t = term.split("/", 2);
        if (t.length > 1 && !t[1].equals(proto)) {
            return false;
        }
        String[] range = t[0].split("-", 2);
        try {
            int lo = Integer.parseInt(range[0]);
            int hi = range.length > 1 ? Integer.parseInt(range[1]) : lo;
            return port >= lo && port <= hi;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
