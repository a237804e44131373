package io.wharf.eventbus.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Which service and which host events come from. */
@ApplicationScoped
public class NodeIdentity {
    private final String source;
    private final String name;

    public NodeIdentity(@ConfigProperty(name = "quarkus.application.name") String source,
            @ConfigProperty(name = "wharf.node") Optional<String> node) {
        this.source = source;
        this.name = node.filter(n -> !n.isBlank()).orElseGet(NodeIdentity::hostName);
    }

    public String source() {
        return source;
    }

    public String name() {
        return name;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
