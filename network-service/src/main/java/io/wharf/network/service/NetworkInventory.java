package io.wharf.network.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many networks this service owns. The network lifecycle itself is not built yet (see the networks
 * issue); until then there are none.
 */
@ApplicationScoped
public class NetworkInventory {
    private final String version;

    public NetworkInventory(@ConfigProperty(name = "quarkus.application.version", defaultValue = "0.1.0") String version) {
        this.version = version;
    }

    public long count() {
        return 0;
    }

    public String serviceVersion() {
        return version.replace("-SNAPSHOT", "");
    }
}
