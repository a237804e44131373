package io.wharf.network.service;

import io.wharf.network.store.NetworkRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How many networks this service owns, for {@code docker info}. */
@ApplicationScoped
public class NetworkInventory {
    private final String version;
    private final NetworkRepository networks;

    public NetworkInventory(@ConfigProperty(name = "quarkus.application.version", defaultValue = "0.1.0") String version,
            NetworkRepository networks) {
        this.version = version;
        this.networks = networks;
    }

    @Transactional
    public long count() {
        return networks.count();
    }

    public String serviceVersion() {
        return version.replace("-SNAPSHOT", "");
    }
}
