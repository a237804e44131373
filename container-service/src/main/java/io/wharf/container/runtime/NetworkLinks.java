package io.wharf.container.runtime;

import java.nio.file.Path;
import java.util.List;

/** Linux bridges and veth pairs (the host agent's plumbing of bridge networks). */
public interface NetworkLinks {

    /** What a container's interface in a bridge network gets. */
    record Veth(String hostName, String bridge, int mtu, String ifName, String mac, String addressCidr,
            String defaultGateway) {
    }

    /** Creates the bridge with the gateway address if missing, and brings it up; idempotent. */
    void ensureBridge(String name, String gatewayCidr, int mtu);

    /** Removes a link (bridge or veth) if it exists. */
    void delete(String name);

    boolean exists(String name);

    /** Links whose name starts with {@code prefix}. */
    List<String> list(String prefix);

    /** Adds a veth pair: one end on the bridge, the other renamed, addressed and routed inside the namespace. */
    void addVeth(Path netns, Veth veth);

    /** Removes the interface {@code ifName} from the namespace (its peer goes with it). */
    void deleteInNamespace(Path netns, String ifName);
}
