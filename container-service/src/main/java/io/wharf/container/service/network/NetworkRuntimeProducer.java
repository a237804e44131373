package io.wharf.container.service.network;

import io.wharf.container.config.NetworkHostConfig;
import io.wharf.container.runtime.IptablesPacketFilter;
import io.wharf.container.runtime.PacketFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The agent's iptables chains, named with this platform's prefix. */
@ApplicationScoped
public class NetworkRuntimeProducer {

    @Produces
    @ApplicationScoped
    PacketFilter packetFilter(NetworkHostConfig config) {
        return new IptablesPacketFilter(config.chainPrefix());
    }
}
