package io.wharf.network.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.wharf.network.config.NetworkConfig;
import io.wharf.network.domain.AddressPlan;
import io.wharf.network.domain.BridgeOptions;
import io.wharf.network.domain.Cidr;
import io.wharf.network.domain.Ipv4;
import io.wharf.network.domain.ObjectIds;
import io.wharf.network.store.EndpointRepository;
import io.wharf.network.store.NetworkEntity;
import io.wharf.network.store.NetworkRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Docker's predefined networks, created at first start: {@code bridge} (on Wharf's own Linux bridge and
 * subnet, as configured), {@code host} and {@code none}. A changed bridge name or subnet is applied at
 * start while the bridge network has no endpoints.
 */
@ApplicationScoped
public class PredefinedNetworks {
    private static final Logger LOG = Logger.getLogger(PredefinedNetworks.class);

    private final NetworkRepository networks;
    private final EndpointRepository endpoints;
    private final NetworkConfig config;

    public PredefinedNetworks(NetworkRepository networks, EndpointRepository endpoints,
            NetworkConfig config) {
        this.networks = networks;
        this.endpoints = endpoints;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew().run(this::ensure);
    }

    void ensure() {
        Cidr subnet = Cidr.parse(config.bridgeSubnet());
        String gateway = Ipv4.format(AddressPlan.of(subnet.toString(), null, null).gateway());
        NetworkEntity bridge = networks.byName("bridge").orElse(null);
        if (bridge == null) {
            bridge = define("bridge", "bridge");
            bridge.subnet = subnet.toString();
            bridge.gateway = gateway;
            bridge.bridgeName = config.bridgeName();
            bridge.optionsJson = JsonMaps.write(bridgeOptions());
            networks.persist(bridge);
        } else if ((!subnet.toString().equals(bridge.subnet) || !config.bridgeName().equals(bridge.bridgeName))
                && endpoints.countByNetwork(bridge.id) == 0) {
            LOG.infof("bridge network now on %s %s", config.bridgeName(), subnet);
            bridge.subnet = subnet.toString();
            bridge.gateway = gateway;
            bridge.bridgeName = config.bridgeName();
            bridge.optionsJson = JsonMaps.write(bridgeOptions());
        }
        if (networks.byName("host").isEmpty()) {
            networks.persist(define("host", "host"));
        }
        if (networks.byName("none").isEmpty()) {
            networks.persist(define("none", "null"));
        }
    }

    private Map<String, String> bridgeOptions() {
        Map<String, String> o = new LinkedHashMap<>();
        o.put(BridgeOptions.DEFAULT_BRIDGE, "true");
        o.put(BridgeOptions.ICC, "true");
        o.put(BridgeOptions.MASQUERADE, "true");
        o.put(BridgeOptions.HOST_BINDING, "0.0.0.0");
        o.put(BridgeOptions.NAME, config.bridgeName());
        o.put(BridgeOptions.MTU, Integer.toString(config.mtu()));
        return o;
    }

    private static NetworkEntity define(String name, String driver) {
        NetworkEntity n = new NetworkEntity();
        n.id = ObjectIds.generate();
        n.name = name;
        n.driver = driver;
        n.created = Instant.now();
        n.predefined = true;
        n.labelsJson = "{}";
        n.optionsJson = "{}";
        return n;
    }
}
