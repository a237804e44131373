package io.wharf.container.runtime;

/**
 * The agent's iptables chains: rewritten whole from the rules the agent computes (see
 * {@code service.network.FilterRules}), so no stale rule survives a change.
 */
public interface PacketFilter {

    /** Replaces the content of the agent's chains (creating them and their jumps when missing). */
    void apply(String natRules, String filterRules);

    /** Removes the agent's chains and the jumps to them. */
    void removeAll();
}
