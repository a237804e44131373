package io.wharf.volume.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many volumes this service owns. The volume lifecycle itself is not built yet (see the volumes
 * issue); until then there are none.
 */
@ApplicationScoped
public class VolumeInventory {
    private final String version;

    public VolumeInventory(@ConfigProperty(name = "quarkus.application.version", defaultValue = "0.1.0") String version) {
        this.version = version;
    }

    public long count() {
        return 0;
    }

    public String serviceVersion() {
        return version.replace("-SNAPSHOT", "");
    }
}
