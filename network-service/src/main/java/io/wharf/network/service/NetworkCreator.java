package io.wharf.network.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.wharf.common.error.ErrorKind;
import io.wharf.common.error.WharfException;
import io.wharf.network.config.NetworkConfig;
import io.wharf.network.domain.AddressPlan;
import io.wharf.network.domain.BridgeOptions;
import io.wharf.network.domain.Cidr;
import io.wharf.network.domain.Ipv4;
import io.wharf.network.domain.ObjectIds;
import io.wharf.network.domain.SubnetPool;
import io.wharf.network.store.NetworkEntity;
import io.wharf.network.store.NetworkRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** {@code POST /networks/create}: validates as moby does, settles the subnet, records, publishes create. */
@ApplicationScoped
public class NetworkCreator {
    static final Set<String> PREDEFINED = Set.of("bridge", "host", "none", "default");

    private final NetworkRepository networks;
    private final NetworkEvents events;
    private final NetworkSettingsResolver settings;
    private final NetworkConfig config;
    /** Name and subnet checks and the insert are one step: two creates never pick the same subnet. */
    private final Object creating = new Object();

    public NetworkCreator(NetworkRepository networks, NetworkEvents events, NetworkSettingsResolver settings,
            NetworkConfig config) {
        this.networks = networks;
        this.events = events;
        this.settings = settings;
        this.config = config;
    }

    /** Returns the new network's id. */
    public String create(JsonNode request) {
        String name = request.path("Name").asText("");
        if (name.isEmpty()) {
            throw WharfException.invalid("network name is required");
        }
        if (PREDEFINED.contains(name)) {
            throw new WharfException(ErrorKind.FORBIDDEN, "operation is not permitted on predefined " + name + " network ");
        }
        String driver = request.path("Driver").asText("");
        if (driver.isEmpty()) {
            driver = "bridge";
        }
        if (driver.equals("host") || driver.equals("null")) {
            throw new WharfException(ErrorKind.FORBIDDEN, "only one instance of \"" + driver + "\" network is allowed");
        }
        if (!driver.equals("bridge")) {
            throw WharfException.notFound("plugin \"" + driver + "\" not found");
        }
        if (request.path("EnableIPv6").asBoolean(false)) {
            throw WharfException.invalid("IPv6 networks are not supported by Wharf yet");
        }
        JsonNode ipam = request.path("IPAM");
        String ipamDriver = ipam.path("Driver").asText("");
        if (!ipamDriver.isEmpty() && !ipamDriver.equals("default")) {
            throw WharfException.notFound("plugin \"" + ipamDriver + "\" not found");
        }
        List<JsonNode> ipamConfigs = ipam.path("Config").isArray() ? ipam.path("Config").valueStream().toList() : List.of();
        if (ipamConfigs.size() > 1) {
            throw WharfException.invalid("Wharf supports one IPv4 subnet per network");
        }
        JsonNode ipamConfig = ipamConfigs.isEmpty() ? JsonMaps.JSON.createObjectNode() : ipamConfigs.get(0);
        Map<String, String> options = JsonMaps.fromNode(request.path("Options"));
        String id = ObjectIds.generate();
        String bridgeName = options.getOrDefault(BridgeOptions.NAME, settings.bridgeNameFor(id));
        BridgeOptions.of(options, bridgeName, config.mtu());

        NetworkEntity n = new NetworkEntity();
        n.id = id;
        n.name = name;
        n.driver = driver;
        n.created = Instant.now();
        n.internal = request.path("Internal").asBoolean(false);
        n.attachable = request.path("Attachable").asBoolean(false);
        n.labelsJson = JsonMaps.write(JsonMaps.fromNode(request.path("Labels")));
        n.optionsJson = JsonMaps.write(options);
        n.ipamOptionsJson = ipam.path("Options").isObject() ? JsonMaps.write(JsonMaps.fromNode(ipam.path("Options"))) : null;
        n.bridgeName = bridgeName;
        String subnet = ipamConfig.path("Subnet").asText("");
        n.userSubnet = !subnet.isEmpty();
        n.ipRange = blankToNull(ipamConfig.path("IPRange").asText(""));
        String gateway = blankToNull(ipamConfig.path("Gateway").asText(""));
        if (subnet.isEmpty() && (n.ipRange != null || gateway != null)) {
            throw WharfException.invalid("ip-range and gateway need a subnet");
        }
        synchronized (creating) {
            QuarkusTransaction.requiringNew().run(() -> {
                if (networks.byName(name).isPresent()) {
                    throw WharfException.conflict("network with name " + name + " already exists");
                }
                List<NetworkEntity> all = networks.listAll();
                if (all.stream().anyMatch(o -> bridgeName.equals(o.bridgeName))) {
                    throw new WharfException(ErrorKind.FORBIDDEN, "bridge name " + bridgeName + " is already in use");
                }
                List<Cidr> taken = all.stream().map(o -> o.subnet).filter(Objects::nonNull).map(Cidr::parse).toList();
                Cidr chosen;
                if (n.userSubnet) {
                    chosen = Cidr.parse(subnet);
                    if (taken.stream().anyMatch(chosen::overlaps)) {
                        throw new WharfException(ErrorKind.FORBIDDEN, "Pool overlaps with other one on this address space");
                    }
                } else {
                    chosen = new SubnetPool(Cidr.parse(config.pool()), config.poolSize()).next(taken);
                }
                AddressPlan plan = AddressPlan.of(chosen.toString(), n.ipRange, gateway);
                n.subnet = chosen.toString();
                n.gateway = Ipv4.format(plan.gateway());
                networks.persist(n);
                events.created(n);
            });
        }
        return id;
    }


    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
