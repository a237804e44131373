package io.wharf.container.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The host's networking plumbing; each platform on a machine has its own names (see the README). */
@ConfigMapping(prefix = "wharf.network")
public interface NetworkHostConfig {
    /** Prefix of the agent's iptables chains ({@code <P>-DNAT}, {@code <P>-POSTROUTING}, {@code <P>-FORWARD}). */
    @WithDefault("WHARF")
    String chainPrefix();

    /** Prefix of the host ends of containers' veth pairs (at most 4 characters). */
    @WithDefault("wv")
    String vethPrefix();
}
