package io.wharf.container.service.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.container.config.NetworkHostConfig;
import io.wharf.container.domain.FilterRules;
import io.wharf.container.runtime.NetworkLinks;
import io.wharf.container.runtime.PacketFilter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The bridges, endpoints and published ports that are live on this host, and what follows from them: a
 * user-defined network's bridge exists while an endpoint is on it (created at the first, deleted after the
 * last); the default bridge stays until the agent stops with nothing running; the agent's iptables chains
 * are rewritten when the bridges or ports change; the embedded DNS listens on the gateway of each
 * user-defined network in use and answers from the endpoints here.
 */
@ApplicationScoped
public class BridgeTopology {
    private static final Logger LOG = Logger.getLogger(BridgeTopology.class);

    /** A bridge in use: its rules, gateway address and network. */
    record Bridge(FilterRules.Bridge rules, String gatewayCidr, String gateway, int mtu, String networkId,
            boolean dns) {
    }

    /** A container's endpoint on a bridge, with the names it answers to in DNS (lower case). */
    public record Member(String containerId, String networkId, String bridge, String ip, List<String> names) {
    }

    private final NetworkLinks links;
    private final PacketFilter filter;
    private final EmbeddedDns dns;
    private final String chainPrefix;
    private final Map<String, Bridge> bridges = new LinkedHashMap<>();
    private final List<Member> members = new ArrayList<>();
    private final Map<String, List<FilterRules.Port>> ports = new LinkedHashMap<>();

    public BridgeTopology(NetworkLinks links, PacketFilter filter, EmbeddedDns dns, NetworkHostConfig config) {
        this.links = links;
        this.filter = filter;
        this.dns = dns;
        this.chainPrefix = config.chainPrefix();
        dns.resolver(this::resolve);
    }

    /**
     * Brings up the endpoint's bridge (from network-service's endpoint settings) and records the member;
     * the rules are rewritten. Idempotent for a member already recorded.
     */
    public synchronized void join(JsonNode endpoint, Member member) {
        String bridge = member.bridge();
        if (!bridges.containsKey(bridge)) {
            String gateway = endpoint.path("Gateway").asText();
            String cidr = gateway + "/" + endpoint.path("IPPrefixLen").asInt();
            int mtu = endpoint.path("Mtu").asInt(1500);
            links.ensureBridge(bridge, cidr, mtu);
            boolean userDefined = !endpoint.path("DefaultBridge").asBoolean(false);
            Bridge b = new Bridge(new FilterRules.Bridge(bridge, endpoint.path("Subnet").asText(),
                    endpoint.path("Internal").asBoolean(false), endpoint.path("Icc").asBoolean(true),
                    endpoint.path("Masquerade").asBoolean(true)), cidr, gateway, mtu, member.networkId(), userDefined);
            bridges.put(bridge, b);
            if (userDefined) {
                dns.listen(gateway, member.networkId());
            }
            apply();
        }
        members.removeIf(m -> m.containerId().equals(member.containerId()) && m.bridge().equals(bridge));
        members.add(member);
    }

    /** Forgets the container's endpoint on the bridge; the last one out deletes the bridge. */
    public synchronized void leave(String containerId, String bridge) {
        members.removeIf(m -> m.containerId().equals(containerId) && m.bridge().equals(bridge));
        Bridge b = bridges.get(bridge);
        if (b != null && b.dns() && members.stream().noneMatch(m -> m.bridge().equals(bridge))) {
            deleteBridge(bridge);
            apply();
        }
    }

    private void deleteBridge(String bridge) {
        Bridge b = bridges.remove(bridge);
        if (b != null && b.dns()) {
            dns.stop(b.gateway());
        }
        try {
            links.delete(bridge);
        } catch (RuntimeException e) {
            LOG.warnf("cannot delete bridge %s: %s", bridge, e.getMessage());
        }
    }

    /** At shutdown with nothing running: the default bridge and the chains go too. */
    public synchronized void removeAllIfIdle() {
        if (!idle()) {
            return;
        }
        List.copyOf(bridges.keySet()).forEach(this::deleteBridge);
        filter.removeAll();
    }

    public synchronized void publish(String containerId, List<FilterRules.Port> published) {
        ports.put(containerId, List.copyOf(published));
        apply();
    }

    public synchronized void unpublish(String containerId) {
        if (ports.remove(containerId) != null) {
            apply();
        }
    }

    /** True when another container already has {@code hostPort} for the protocol on that address (or all). */
    public synchronized boolean portTaken(String proto, String hostIp, int hostPort) {
        return ports.values().stream().flatMap(List::stream).anyMatch(p -> p.proto().equals(proto)
                && p.hostPort() == hostPort && (any(p.hostIp()) || any(hostIp) || p.hostIp().equals(hostIp)));
    }

    private static boolean any(String ip) {
        return ip.isEmpty() || ip.equals("0.0.0.0");
    }

    /** The addresses a name has on a network: container names, aliases and short ids of its members. */
    public synchronized List<String> resolve(String networkId, String name) {
        String n = name.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (Member m : members) {
            if (m.networkId().equals(networkId) && m.names().contains(n)) {
                out.add(m.ip());
            }
        }
        return out;
    }

    public synchronized boolean idle() {
        return members.isEmpty() && ports.isEmpty();
    }

    /** Removes the chains and jumps (when nothing is left, at shutdown or before a rebuild). */
    public synchronized void removeRules() {
        filter.removeAll();
    }

    private void apply() {
        List<FilterRules.Bridge> rules = bridges.values().stream().map(Bridge::rules).toList();
        List<FilterRules.Port> all = ports.values().stream().flatMap(List::stream).toList();
        if (rules.isEmpty() && all.isEmpty()) {
            filter.removeAll();
            return;
        }
        filter.apply(FilterRules.nat(chainPrefix, rules, all), FilterRules.filter(chainPrefix, rules));
    }
}
