package io.wharf.gateway.config;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.enterprise.context.ApplicationScoped;

/** What the gateway says it is in headers and /version. */
@ApplicationScoped
public class ServerIdentity {
    private final String version;

    public ServerIdentity(@ConfigProperty(name = "quarkus.application.version", defaultValue = "0.1.0") String version) {
        this.version = version.replace("-SNAPSHOT", "");
    }

    public String version() {
        return version;
    }

    public String serverHeader() {
        return "Wharf/" + version + " (linux)";
    }
}
