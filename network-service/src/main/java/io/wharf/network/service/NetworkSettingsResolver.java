package io.wharf.network.service;

import io.wharf.network.config.NetworkConfig;
import io.wharf.network.domain.BridgeOptions;
import io.wharf.network.store.NetworkEntity;
import jakarta.enterprise.context.ApplicationScoped;

/** A bridge network's effective settings: its options over the platform's defaults. */
@ApplicationScoped
public class NetworkSettingsResolver {
    private final NetworkConfig config;

    public NetworkSettingsResolver(NetworkConfig config) {
        this.config = config;
    }

    public BridgeOptions bridge(NetworkEntity n) {
        return BridgeOptions.of(JsonMaps.read(n.optionsJson), n.bridgeName, config.mtu());
    }

    /** The Linux bridge name of a new user-defined network: the configured prefix and the id's start. */
    public String bridgeNameFor(String networkId) {
        String prefix = config.bridgePrefix();
        return prefix + networkId.substring(0, Math.max(1, 15 - prefix.length()));
    }
}
