package io.wharf.container.service.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.common.error.WharfException;
import io.wharf.container.client.NetworkServiceApi;
import io.wharf.container.config.NetworkHostConfig;
import io.wharf.container.domain.ContainerIds;
import io.wharf.container.domain.ContainerState;
import io.wharf.container.domain.FilterRules;
import io.wharf.container.domain.NetworkMode;
import io.wharf.container.runtime.NetworkLinks;
import io.wharf.container.runtime.NetworkNamespaces;
import io.wharf.container.service.ContainerLookup;
import io.wharf.container.store.ContainerEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * A container's networking through its life: the networks it asks for at create, its namespace, endpoints
 * (leases from network-service), veths, published ports and DNS names while it runs, and nothing left
 * after it exits. Bridge modes get a persistent namespace of their own ({@link NetworkNamespaces}); {@code
 * none} gets one with only loopback; {@code host} none; {@code container:<id>} joins the other's.
 */
@ApplicationScoped
public class ContainerNetworking {
    private static final Logger LOG = Logger.getLogger(ContainerNetworking.class);
    static final String WHARF = "Wharf";

    private final NetworkServiceApi networks;
    private final NetworkNamespaces namespaces;
    private final NetworkLinks links;
    private final BridgeTopology topology;
    private final PortPublisher ports;
    private final NetworkStateStore store;
    private final ContainerLookup lookup;
    private final String vethPrefix;

    public ContainerNetworking(@RestClient NetworkServiceApi networks, NetworkNamespaces namespaces, NetworkLinks links,
            BridgeTopology topology, PortPublisher ports, NetworkStateStore store, ContainerLookup lookup,
            NetworkHostConfig config) {
        this.networks = networks;
        this.namespaces = namespaces;
        this.links = links;
        this.topology = topology;
        this.ports = ports;
        this.store = store;
        this.lookup = lookup;
        this.vethPrefix = config.vethPrefix();
    }

    /** At create: checks the networks exist and records Docker's EndpointSettings for each (not yet joined). */
    public void initialize(ContainerEntity c, JsonNode request, JsonNode hostConfig) {
        NetworkMode mode = NetworkMode.parse(hostConfig.path("NetworkMode").asText(""));
        ObjectNode result = NetworkStateStore.JSON.createObjectNode();
        JsonNode endpointsConfig = request.path("NetworkingConfig").path("EndpointsConfig");
        if (mode.kind() == NetworkMode.Kind.CONTAINER) {
            lookup.resolve(mode.target());
        } else {
            JsonNode primary = networks.inspect(mode.networkName());
            String mode0 = hostConfig.path("NetworkMode").asText("");
            JsonNode primaryConfig = endpointsConfig.path(mode0);
            if (primaryConfig.isMissingNode()) {
                primaryConfig = endpointsConfig.path(primary.path("Name").asText());
            }
            String mac = request.path("MacAddress").asText("");
            result.set(primary.path("Name").asText(), settings(primary, primaryConfig, mac, mode));
            for (String key : (Iterable<String>) endpointsConfig::fieldNames) {
                String name = NetworkMode.parse(key).networkName();
                if (name == null || key.equals(mode0)) {
                    continue;
                }
                JsonNode net = networks.inspect(name);
                if (!result.has(net.path("Name").asText())) {
                    result.set(net.path("Name").asText(), settings(net, endpointsConfig.get(name), "", NetworkMode.parse(name)));
                }
            }
        }
        c.networksJson = result.toString();
        c.portsJson = "{}";
    }

    private static ObjectNode settings(JsonNode network, JsonNode requested, String mac, NetworkMode mode) {
        boolean defaultBridge = network.path("Name").asText().equals("bridge");
        JsonNode ipam = requested.path("IPAMConfig");
        boolean wantsIp = !ipam.path("IPv4Address").asText("").isEmpty();
        if (defaultBridge && wantsIp) {
            throw WharfException.invalid("user specified IP address is supported on user defined networks only");
        }
        if (defaultBridge && requested.path("Aliases").isArray() && !requested.path("Aliases").isEmpty()) {
            throw WharfException.invalid("network-scoped alias is supported only for containers in user defined networks");
        }
        if (mode.kind() == NetworkMode.Kind.HOST || mode.kind() == NetworkMode.Kind.NONE) {
            if (wantsIp) {
                throw WharfException.invalid("user specified IP address is supported on user defined networks only");
            }
        }
        ObjectNode s = NetworkStateStore.JSON.createObjectNode();
        if (ipam.isObject()) {
            s.set("IPAMConfig", ipam);
        } else {
            s.putNull("IPAMConfig");
        }
        copyOrNull(s, "Links", requested.path("Links"));
        copyOrNull(s, "Aliases", requested.path("Aliases"));
        String requestedMac = requested.path("MacAddress").asText("");
        s.put("MacAddress", requestedMac.isEmpty() ? mac : requestedMac);
        s.put("NetworkID", network.path("Id").asText());
        clearRuntime(s);
        s.putNull("DriverOpts");
        return s;
    }

    private static void copyOrNull(ObjectNode s, String field, JsonNode value) {
        if (value.isArray() && !value.isEmpty()) {
            s.set(field, value);
        } else {
            s.putNull(field);
        }
    }

    /** The address, endpoint and plumbing fields, cleared while the container is not running. */
    private static void clearRuntime(ObjectNode s) {
        s.put("EndpointID", "");
        s.put("Gateway", "");
        s.put("IPAddress", "");
        s.put("IPPrefixLen", 0);
        s.put("IPv6Gateway", "");
        s.put("GlobalIPv6Address", "");
        s.put("GlobalIPv6PrefixLen", 0);
        s.remove(WHARF);
        s.remove("DNSNames");
        JsonNode requestedMac = s.path(WHARF + "Mac");
        if (!requestedMac.isMissingNode()) {
            s.put("MacAddress", requestedMac.asText());
            s.remove(WHARF + "Mac");
        }
    }

    /** Docker's EndpointSettings for a network a container is connected to with {@code docker network connect}. */
    static ObjectNode initialSettings(JsonNode network, JsonNode endpointConfig) {
        return settings(network, endpointConfig, "", NetworkMode.parse(network.path("Name").asText()));
    }

    /** Connects a running container: lease, veth (the next free ethN), DNS names. */
    void joinRunning(ContainerEntity c, String network, ObjectNode settings) {
        int index = 0;
        for (JsonNode s : NetworkStateStore.networks(c)) {
            String ifName = s.path(WHARF).path("IfName").asText("");
            if (ifName.startsWith("eth")) {
                index = Math.max(index, Integer.parseInt(ifName.substring(3)) + 1);
            }
        }
        try {
            join(c, network, settings, namespaces.path(c.id), index, false);
        } catch (RuntimeException e) {
            try {
                networks.disconnect(settings.path("NetworkID").asText(network), c.id);
            } catch (RuntimeException cleanup) {
                LOG.warnf("cannot release the lease of %s on %s: %s", c.id, network, cleanup.getMessage());
            }
            throw e;
        }
    }

    /** Disconnects a running container from one network: its veth and DNS names go. */
    void leaveRunning(ContainerEntity c, JsonNode settings) {
        JsonNode w = settings.path(WHARF);
        if (w.hasNonNull("Veth")) {
            links.delete(w.get("Veth").asText());
            topology.leave(c.id, w.path("Bridge").asText());
        }
    }

    /** At start, before the bundle is written: namespace, endpoints, veths, ports. Undone on failure. */
    public void attach(ContainerEntity c) {
        NetworkMode mode = NetworkMode.parse(hostConfig(c).path("NetworkMode").asText(""));
        ObjectNode state = NetworkStateStore.networks(c);
        ObjectNode published = NetworkStateStore.JSON.createObjectNode();
        try {
            switch (mode.kind()) {
                case HOST -> state.properties().forEach(e -> lease(c, e.getKey(), (ObjectNode) e.getValue()));
                case NONE -> {
                    namespaces.create(c.id);
                    state.properties().forEach(e -> lease(c, e.getKey(), (ObjectNode) e.getValue()));
                }
                case CONTAINER -> {
                    ContainerEntity other = lookup.resolve(mode.target());
                    if (other.state != ContainerState.RUNNING) {
                        throw WharfException.conflict("cannot join network of a non running container: " + other.id);
                    }
                }
                default -> {
                    Path netns = namespaces.create(c.id);
                    int index = 0;
                    boolean routed = false;
                    String primaryIp = null;
                    String primaryEndpoint = "";
                    for (Map.Entry<String, JsonNode> e : List.copyOf(state.properties())) {
                        ObjectNode s = (ObjectNode) e.getValue();
                        JsonNode ep = join(c, e.getKey(), s, netns, index++, !routed);
                        routed |= !ep.path("Internal").asBoolean(false);
                        if (primaryIp == null) {
                            primaryIp = ep.path("IPAddress").asText();
                            primaryEndpoint = ep.path("EndpointID").asText();
                        }
                    }
                    if (primaryIp != null) {
                        published = ports.publish(c.id, primaryEndpoint, c.name, primaryIp, config(c), hostConfig(c));
                    }
                }
            }
            store.save(c.id, state, published);
        } catch (RuntimeException e) {
            c.networksJson = state.toString();
            release(c.id, state);
            throw e;
        }
    }

    /** A lease on host or none (so the network lists the container), without plumbing. */
    private void lease(ContainerEntity c, String network, ObjectNode s) {
        JsonNode ep = networks.connect(s.path("NetworkID").asText(network), request(c, network, s));
        s.put("EndpointID", ep.path("EndpointID").asText());
        s.putObject(WHARF);
    }

    private JsonNode join(ContainerEntity c, String network, ObjectNode s, Path netns, int index, boolean route) {
        JsonNode ep = networks.connect(s.path("NetworkID").asText(network), request(c, network, s));
        s.put(WHARF + "Mac", s.path("MacAddress").asText(""));
        s.put("EndpointID", ep.path("EndpointID").asText());
        s.put("Gateway", ep.path("Gateway").asText());
        s.put("IPAddress", ep.path("IPAddress").asText());
        s.put("IPPrefixLen", ep.path("IPPrefixLen").asInt());
        s.put("MacAddress", ep.path("MacAddress").asText());
        ObjectNode w = s.putObject(WHARF);
        if (!"bridge".equals(ep.path("Driver").asText())) {
            return ep;
        }
        String veth = vethName(c.id, index);
        String bridge = ep.path("Bridge").asText();
        topology.join(ep, new BridgeTopology.Member(c.id, ep.path("NetworkID").asText(), bridge,
                ep.path("IPAddress").asText(), dnsNames(c, ep)));
        try {
            links.addVeth(netns, new NetworkLinks.Veth(veth, bridge, ep.path("Mtu").asInt(1500), "eth" + index,
                    ep.path("MacAddress").asText(), ep.path("IPAddress").asText() + "/" + ep.path("IPPrefixLen").asInt(),
                    route && !ep.path("Internal").asBoolean(false) ? ep.path("Gateway").asText() : null));
        } catch (RuntimeException e) {
            topology.leave(c.id, bridge);
            throw e;
        }
        w.put("Bridge", bridge);
        w.put("Veth", veth);
        w.put("IfName", "eth" + index);
        w.put("DefaultBridge", ep.path("DefaultBridge").asBoolean(false));
        if (!ep.path("DefaultBridge").asBoolean(false)) {
            ArrayNode names = s.putArray("DNSNames");
            dnsNames(c, ep).forEach(names::add);
            ArrayNode aliases = s.putArray("Aliases");
            ep.path("Aliases").forEach(aliases::add);
        }
        return ep;
    }

    private static List<String> dnsNames(ContainerEntity c, JsonNode ep) {
        Set<String> names = new LinkedHashSet<>();
        if (!ep.path("DefaultBridge").asBoolean(false)) {
            names.add(c.name.toLowerCase(Locale.ROOT));
            ep.path("Aliases").forEach(a -> names.add(a.asText().toLowerCase(Locale.ROOT)));
            names.add(ContainerIds.shortId(c.id));
        }
        return List.copyOf(names);
    }

    private ObjectNode request(ContainerEntity c, String network, ObjectNode s) {
        ObjectNode r = NetworkStateStore.JSON.createObjectNode();
        r.put("ContainerID", c.id);
        r.put("ContainerName", c.name);
        Set<String> wanted = new LinkedHashSet<>();
        s.path("Aliases").forEach(a -> wanted.add(a.asText()));
        if (!network.equals("bridge") && !network.equals("host") && !network.equals("none")) {
            wanted.add(ContainerIds.shortId(c.id));
        }
        ArrayNode aliases = r.putArray("Aliases");
        wanted.forEach(aliases::add);
        r.put("IPAddress", s.path("IPAMConfig").path("IPv4Address").asText(""));
        r.put("MacAddress", s.path("MacAddress").asText(""));
        return r;
    }

    /** The host end of a container's n-th veth: the prefix, the id's start, the index (15 characters at most). */
    String vethName(String id, int index) {
        String suffix = Integer.toHexString(index);
        return vethPrefix + id.substring(0, 15 - vethPrefix.length() - suffix.length()) + suffix;
    }

    /** At exit, failed start or removal: ports, veths, bridges no longer used, namespace, leases. Idempotent. */
    public void detach(String id) {
        ObjectNode state = lookup.findById(id).map(NetworkStateStore::networks).orElse(NetworkStateStore.JSON.createObjectNode());
        release(id, state);
        if (lookup.findById(id).isPresent()) {
            store.save(id, state, NetworkStateStore.JSON.createObjectNode());
        }
    }

    private void release(String id, ObjectNode state) {
        ports.unpublish(id);
        for (Map.Entry<String, JsonNode> e : state.properties()) {
            ObjectNode s = (ObjectNode) e.getValue();
            JsonNode w = s.path(WHARF);
            if (w.hasNonNull("Veth")) {
                try {
                    links.delete(w.get("Veth").asText());
                } catch (RuntimeException ex) {
                    LOG.warnf("cannot delete veth %s: %s", w.get("Veth").asText(), ex.getMessage());
                }
                topology.leave(id, w.path("Bridge").asText());
            }
            clearRuntime(s);
        }
        try {
            namespaces.delete(id);
        } catch (RuntimeException e) {
            LOG.warnf("cannot delete the network namespace of %s: %s", id, e.getMessage());
        }
        try {
            networks.releaseAll(id);
        } catch (RuntimeException e) {
            LOG.warnf("cannot release the leases of %s (released when its destroy event is seen): %s", id, e.getMessage());
        }
    }

    /** After an agent restart: the live containers' bridges, DNS names and ports are known again. */
    public void restore(ContainerEntity c) {
        ObjectNode state = NetworkStateStore.networks(c);
        for (Map.Entry<String, JsonNode> e : state.properties()) {
            JsonNode s = e.getValue();
            JsonNode w = s.path(WHARF);
            if (!w.hasNonNull("Bridge")) {
                continue;
            }
            try {
                JsonNode ep = endpointOf(s, w);
                topology.join(ep, new BridgeTopology.Member(c.id, s.path("NetworkID").asText(), w.path("Bridge").asText(),
                        s.path("IPAddress").asText(), dnsNames(c, ep)));
            } catch (RuntimeException ex) {
                LOG.warnf("cannot restore the networking of %s on %s: %s", c.id, e.getKey(), ex.getMessage());
            }
        }
        ObjectNode published = NetworkStateStore.ports(c);
        List<FilterRules.Port> rules = new ArrayList<>();
        String ip = state.properties().stream().map(e -> e.getValue().path("IPAddress").asText(""))
                .filter(a -> !a.isEmpty()).findFirst().orElse(null);
        if (ip != null) {
            for (Map.Entry<String, JsonNode> p : published.properties()) {
                String[] key = p.getKey().split("/", 2);
                for (JsonNode b : p.getValue()) {
                    rules.add(new FilterRules.Port(key[1], b.path("HostIp").asText(),
                            b.path("HostPort").asInt(), ip, Integer.parseInt(key[0])));
                }
            }
        }
        if (!rules.isEmpty()) {
            topology.publish(c.id, rules);
        }
    }

    /** What the topology needs of an endpoint, from the network as network-service describes it now. */
    private JsonNode endpointOf(JsonNode s, JsonNode w) {
        JsonNode net = networks.inspect(s.path("NetworkID").asText());
        ObjectNode ep = NetworkStateStore.JSON.createObjectNode();
        ep.put("Gateway", s.path("Gateway").asText());
        ep.put("IPPrefixLen", s.path("IPPrefixLen").asInt());
        ep.put("Subnet", net.path("IPAM").path("Config").path(0).path("Subnet").asText());
        ep.put("Internal", net.path("Internal").asBoolean(false));
        JsonNode o = net.path("Options");
        ep.put("Icc", !"false".equals(o.path("com.docker.network.bridge.enable_icc").asText("true")));
        ep.put("Masquerade", !"false".equals(o.path("com.docker.network.bridge.enable_ip_masquerade").asText("true")));
        ep.put("Mtu", o.path("com.docker.network.driver.mtu").asInt(1500));
        ep.put("DefaultBridge", w.path("DefaultBridge").asBoolean(false));
        ArrayNode aliases = ep.putArray("Aliases");
        s.path("DNSNames").forEach(aliases::add);
        return ep;
    }

    static JsonNode hostConfig(ContainerEntity c) {
        return NetworkStateStore.object(c.hostConfigJson);
    }

    static JsonNode config(ContainerEntity c) {
        return NetworkStateStore.object(c.configJson);
    }

    /** The namespace a running container's processes are in, for inspect's SandboxKey. */
    public String sandboxKey(ContainerEntity c) {
        return c.state == ContainerState.RUNNING && namespaces.exists(c.id) ? namespaces.path(c.id).toString() : "";
    }

    Path namespacePath(String id) {
        return namespaces.path(id);
    }

    boolean hasNamespace(String id) {
        return namespaces.exists(id);
    }
}
