package io.wharf.container.service.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.common.error.WharfException;
import io.wharf.container.domain.FilterRules;
import io.wharf.container.domain.PortBinding;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Publishes a container's ports at start: chooses the host ports (ephemeral ones from the kernel's
 * ephemeral range, a range's first free one), refuses a port another container or a host process holds
 * (dockerd's {@code port is already allocated}), and hands the DNAT rules to the topology. The result is
 * NetworkSettings.Ports: exposed ports without a binding map to null.
 */
@ApplicationScoped
public class PortPublisher {
    private final BridgeTopology topology;

    public PortPublisher(BridgeTopology topology) {
        this.topology = topology;
    }

    public ObjectNode publish(String containerId, String endpointId, String containerName, String containerIp,
            JsonNode config, JsonNode hostConfig) {
        List<PortBinding> wanted = PortBinding.requested(config, hostConfig);
        List<FilterRules.Port> rules = new ArrayList<>();
        TreeMap<String, List<String[]>> bound = new TreeMap<>();
        for (PortBinding b : wanted) {
            String hostIp = b.hostIp().isEmpty() ? "0.0.0.0" : b.hostIp();
            int hostPort = choose(b, hostIp, rules, containerName, endpointId);
            rules.add(new FilterRules.Port(b.proto(), hostIp, hostPort, containerIp, b.containerPort()));
            bound.computeIfAbsent(b.key(), k -> new ArrayList<>()).add(new String[] {hostIp, Integer.toString(hostPort)});
        }
        ObjectNode ports = NetworkStateStore.JSON.createObjectNode();
        TreeMap<String, JsonNode> all = new TreeMap<>();
        for (String key : (Iterable<String>) () -> config.path("ExposedPorts").fieldNames()) {
            all.put(key.contains("/") ? key : key + "/tcp", null);
        }
        bound.forEach((key, list) -> {
            ArrayNode arr = NetworkStateStore.JSON.createArrayNode();
            list.forEach(b -> arr.addObject().put("HostIp", b[0]).put("HostPort", b[1]));
            all.put(key, arr);
        });
        all.forEach((k, v) -> {
            if (v == null) {
                ports.putNull(k);
            } else {
                ports.set(k, v);
            }
        });
        if (!rules.isEmpty()) {
            topology.publish(containerId, rules);
        }
        return ports;
    }

    public void unpublish(String containerId) {
        topology.unpublish(containerId);
    }

    private int choose(PortBinding b, String hostIp, List<FilterRules.Port> mine, String name, String endpointId) {
        if (b.hostPort() == 0) {
            for (int attempt = 0; attempt < 50; attempt++) {
                int p = ephemeral(hostIp);
                if (free(b.proto(), hostIp, p, mine)) {
                    return p;
                }
            }
            throw WharfException.system("no free host port for " + b.key(), null);
        }
        for (int p = b.hostPort(); p <= Math.max(b.hostPort(), b.hostPortEnd()); p++) {
            if (free(b.proto(), hostIp, p, mine)) {
                return p;
            }
        }
        throw WharfException.system("driver failed programming external connectivity on endpoint " + name + " ("
                + endpointId + "): Bind for " + hostIp + ":" + b.hostPort() + " failed: port is already allocated", null);
    }

    private boolean free(String proto, String hostIp, int port, List<FilterRules.Port> mine) {
        if (mine.stream().anyMatch(p -> p.proto().equals(proto) && p.hostPort() == port)
                || topology.portTaken(proto, hostIp, port)) {
            return false;
        }
        if (!proto.equals("tcp")) {
            return true;
        }
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName(hostIp), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int ephemeral(String hostIp) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName(hostIp), 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw WharfException.system("cannot pick a host port: " + e.getMessage(), e);
        }
    }
}
