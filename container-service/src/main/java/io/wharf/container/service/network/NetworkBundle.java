package io.wharf.container.service.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.common.error.WharfException;
import io.wharf.container.domain.ContainerIds;
import io.wharf.container.domain.ContainerState;
import io.wharf.container.domain.NetworkMode;
import io.wharf.container.service.ContainerLookup;
import io.wharf.container.store.ContainerEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The networking part of a container's bundle: the network namespace in the OCI spec (its own, the
 * other container's, or the host's), its /etc/hosts and /etc/resolv.conf, and the legacy links'
 * environment. Runs after {@link ContainerNetworking#attach}.
 */
@ApplicationScoped
public class NetworkBundle {
    private static final Path HOST_HOSTS = Path.of("/etc/hosts");
    private static final Path HOST_RESOLV = Path.of("/etc/resolv.conf");

    private final ContainerLookup lookup;
    private final ContainerNetworking networking;

    public NetworkBundle(ContainerLookup lookup, ContainerNetworking networking) {
        this.lookup = lookup;
        this.networking = networking;
    }

    public void apply(ContainerEntity stale, ObjectNode spec, Path dir) {
        ContainerEntity c = lookup.findById(stale.id).orElse(stale);
        JsonNode config = ContainerNetworking.config(c);
        JsonNode hostConfig = ContainerNetworking.hostConfig(c);
        NetworkMode mode = NetworkMode.parse(hostConfig.path("NetworkMode").asText(""));
        String hostname = config.path("Hostname").asText();
        String domainname = config.path("Domainname").asText("");
        try {
            switch (mode.kind()) {
                case HOST -> {
                    removeNetworkNamespace(spec);
                    Files.copy(HOST_HOSTS, dir.resolve("hosts"), StandardCopyOption.REPLACE_EXISTING);
                    Files.copy(HOST_RESOLV, dir.resolve("resolv.conf"), StandardCopyOption.REPLACE_EXISTING);
                }
                case CONTAINER -> {
                    ContainerEntity other = lookup.resolve(mode.target());
                    if (other.state != ContainerState.RUNNING) {
                        throw WharfException.conflict("cannot join network of a non running container: " + other.id);
                    }
                    setNetworkNamespace(spec, networking.hasNamespace(other.id) ? networking.namespacePath(other.id)
                            : Path.of("/proc", Integer.toString(other.pid), "ns", "net"));
                    Path otherDir = dir.getParent().resolve(other.id);
                    Files.copy(otherDir.resolve("hosts"), dir.resolve("hosts"), StandardCopyOption.REPLACE_EXISTING);
                    Files.copy(otherDir.resolve("resolv.conf"), dir.resolve("resolv.conf"), StandardCopyOption.REPLACE_EXISTING);
                }
                default -> {
                    setNetworkNamespace(spec, networking.namespacePath(c.id));
                    ObjectNode networks = NetworkStateStore.networks(c);
                    String address = null;
                    String embeddedDns = null;
                    for (Map.Entry<String, JsonNode> e : networks.properties()) {
                        String ip = e.getValue().path("IPAddress").asText("");
                        if (address == null && !ip.isEmpty()) {
                            address = ip;
                        }
                        JsonNode w = e.getValue().path(ContainerNetworking.WHARF);
                        if (embeddedDns == null && w.hasNonNull("Bridge") && !w.path("DefaultBridge").asBoolean(false)) {
                            embeddedDns = e.getValue().path("Gateway").asText();
                        }
                    }
                    List<String> extra = new ArrayList<>(NetworkEtcFiles.extraHosts(hostConfig));
                    addLinks(c, hostConfig, extra, spec);
                    Files.writeString(dir.resolve("hosts"), NetworkEtcFiles.hosts(hostname, domainname, address, extra));
                    List<String> hostLines = Files.isReadable(HOST_RESOLV) ? Files.readAllLines(HOST_RESOLV) : List.of();
                    Files.writeString(dir.resolve("resolv.conf"), NetworkEtcFiles.resolvConf(hostLines, hostConfig, embeddedDns));
                }
            }
        } catch (IOException e) {
            throw WharfException.system("cannot write the network files of " + c.id + ": " + e.getMessage(), e);
        }
    }

    /** {@code --link other:alias}: a hosts line and moby's environment variables for each linked container. */
    private void addLinks(ContainerEntity c, JsonNode hostConfig, List<String> hosts, ObjectNode spec) {
        ArrayNode env = spec.path("process").path("env") instanceof ArrayNode a ? a : null;
        for (JsonNode link : hostConfig.path("Links")) {
            String[] parts = link.asText().split(":", 2);
            String otherName = parts[0].startsWith("/") ? parts[0].substring(1) : parts[0];
            String alias = parts.length > 1 ? parts[1].substring(parts[1].lastIndexOf('/') + 1) : otherName;
            ContainerEntity other = lookup.find(otherName).orElseThrow(() -> WharfException.invalid(
                    "could not get container for " + otherName));
            if (other.state != ContainerState.RUNNING) {
                throw WharfException.invalid("Cannot link to a non running container: /" + other.name + " AS /" + c.name + "/" + alias);
            }
            String ip = NetworkStateStore.networks(other).path("bridge").path("IPAddress").asText("");
            if (ip.isEmpty()) {
                continue;
            }
            hosts.add(ip + "\t" + alias + " " + ContainerIds.shortId(other.id) + " " + other.name);
            if (env != null) {
                LinkEnvironment.of(alias, c.name, ip, ContainerNetworking.config(other)).forEach(env::add);
            }
        }
    }

    private static void setNetworkNamespace(ObjectNode spec, Path path) {
        for (JsonNode ns : spec.path("linux").path("namespaces")) {
            if ("network".equals(ns.path("type").asText())) {
                ((ObjectNode) ns).put("path", path.toString());
            }
        }
    }

    private static void removeNetworkNamespace(ObjectNode spec) {
        Iterator<JsonNode> it = spec.path("linux").path("namespaces").iterator();
        while (it.hasNext()) {
            if ("network".equals(it.next().path("type").asText())) {
                it.remove();
            }
        }
    }
}
