package io.wharf.volume.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How many volumes this service owns, for {@code docker info}. */
@ApplicationScoped
public class VolumeInventory {
    private final String version;
    private final VolumeQueries queries;

    public VolumeInventory(@ConfigProperty(name = "quarkus.application.version", defaultValue = "0.1.0") String version,
            VolumeQueries queries) {
        this.version = version;
        this.queries = queries;
    }

    public long count() {
        return queries.count();
    }

    public String serviceVersion() {
        return version.replace("-SNAPSHOT", "");
    }
}
