package io.wharf.container.service.network;

import io.quarkus.runtime.ShutdownEvent;
import io.wharf.container.runtime.NetworkNamespaces;
import io.wharf.container.service.ContainerLookup;
import io.wharf.container.store.ContainerEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The agent's networking across its restarts: at start (after the {@code Reconciler}), the live
 * containers' bridges, DNS and ports are known again (their namespaces, veths and bridges stayed up) and
 * the namespaces of containers that no longer run are removed; at shutdown, when no container has
 * networking left, the default bridge and the agent's chains go too (a user network's bridge goes with its
 * last endpoint).
 */
@ApplicationScoped
public class NetworkLifecycle {
    private static final Logger LOG = Logger.getLogger(NetworkLifecycle.class);

    private final ContainerLookup lookup;
    private final ContainerNetworking networking;
    private final NetworkNamespaces namespaces;
    private final BridgeTopology topology;

    public NetworkLifecycle(ContainerLookup lookup, ContainerNetworking networking, NetworkNamespaces namespaces,
            BridgeTopology topology) {
        this.lookup = lookup;
        this.networking = networking;
        this.namespaces = namespaces;
        this.topology = topology;
    }

    /** Called by the Reconciler once the records match the host. */
    public void restore() {
        Set<String> running = lookup.running().stream().map(c -> c.id).collect(Collectors.toSet());
        for (String id : namespaces.list()) {
            if (!running.contains(id)) {
                LOG.infof("removing the network namespace of %s: it no longer runs", id);
                networking.detach(id);
            }
        }
        if (running.isEmpty()) {
            topology.removeRules(); // left by a crash
        }
        for (ContainerEntity c : lookup.running()) {
            networking.restore(c);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        try {
            topology.removeAllIfIdle();
        } catch (RuntimeException e) {
            LOG.warnf("cannot remove the bridges and iptables chains: %s", e.getMessage());
        }
    }
}
