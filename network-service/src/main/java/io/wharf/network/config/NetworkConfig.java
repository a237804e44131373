package io.wharf.network.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The addresses and names Wharf's networks use. Each Wharf platform on a machine gives its own values so
 * that two platforms never share a bridge or a subnet (defaults chosen not to clash with a dockerd:
 * dockerd takes 172.17-31.0.0/16 and 192.168.0.0/16).
 */
@ConfigMapping(prefix = "wharf.network")
public interface NetworkConfig {
    /** The Linux bridge of the predefined {@code bridge} network. */
    @WithDefault("wharf0")
    String bridgeName();

    /** The subnet of the predefined {@code bridge} network. */
    @WithDefault("10.209.0.0/16")
    String bridgeSubnet();

    /** Where user-defined networks without a subnet get theirs from. */
    @WithDefault("10.210.0.0/16")
    String pool();

    /** The prefix length of each subnet taken from the pool. */
    @WithDefault("24")
    int poolSize();

    /** The Linux bridge of a user-defined network is this prefix and the network id's start (at most 15 characters). */
    @WithDefault("wbr-")
    String bridgePrefix();

    @WithDefault("1500")
    int mtu();

    /** Consume container events and release the leases of removed containers (off in unit tests: no broker). */
    @WithDefault("true")
    boolean releaseOnDestroy();
}
