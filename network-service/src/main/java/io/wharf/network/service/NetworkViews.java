package io.wharf.network.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.network.domain.BridgeOptions;
import io.wharf.network.domain.Cidr;
import io.wharf.network.domain.Ipv4;
import io.wharf.network.store.EndpointEntity;
import io.wharf.network.store.NetworkEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Docker's NetworkResource JSON (inspect and list) and the endpoint settings the host agent plumbs. */
@ApplicationScoped
public class NetworkViews {
    private final NetworkSettingsResolver settings;

    public NetworkViews(NetworkSettingsResolver settings) {
        this.settings = settings;
    }

    /** {@code endpoints} null: the list form, whose Containers is empty as dockerd's. */
    public ObjectNode resource(NetworkEntity n, List<EndpointEntity> endpoints) {
        ObjectNode o = JsonMaps.JSON.createObjectNode();
        o.put("Name", n.name);
        o.put("Id", n.id);
        o.put("Created", n.created.toString());
        o.put("Scope", "local");
        o.put("Driver", n.driver);
        o.put("EnableIPv6", n.enableIpv6);
        ObjectNode ipam = o.putObject("IPAM");
        ipam.put("Driver", "default");
        if (n.ipamOptionsJson == null) {
            ipam.putNull("Options");
        } else {
            ObjectNode options = ipam.putObject("Options");
            JsonMaps.read(n.ipamOptionsJson).forEach(options::put);
        }
        var configs = ipam.putArray("Config");
        if (n.subnet != null) {
            ObjectNode c = configs.addObject();
            c.put("Subnet", n.subnet);
            if (n.ipRange != null) {
                c.put("IPRange", n.ipRange);
            }
            c.put("Gateway", n.gateway);
        }
        o.put("Internal", n.internal);
        o.put("Attachable", n.attachable);
        o.put("Ingress", false);
        o.putObject("ConfigFrom").put("Network", "");
        o.put("ConfigOnly", false);
        ObjectNode containers = o.putObject("Containers");
        if (endpoints != null) {
            for (EndpointEntity e : endpoints) {
                ObjectNode c = containers.putObject(e.containerId);
                c.put("Name", e.containerName);
                c.put("EndpointID", e.id);
                c.put("MacAddress", e.macAddress == null ? "" : e.macAddress);
                c.put("IPv4Address", e.address == 0 ? "" : Ipv4.format(e.address) + "/" + prefix(n));
                c.put("IPv6Address", "");
            }
        }
        ObjectNode options = o.putObject("Options");
        JsonMaps.read(n.optionsJson).forEach(options::put);
        ObjectNode labels = o.putObject("Labels");
        JsonMaps.read(n.labelsJson).forEach(labels::put);
        return o;
    }

    /**
     * What the host agent needs to plumb an endpoint: the address and MAC, the gateway and prefix, and the
     * bridge's settings (name, MTU, icc, masquerade, internal).
     */
    public ObjectNode endpoint(NetworkEntity n, EndpointEntity e) {
        ObjectNode o = JsonMaps.JSON.createObjectNode();
        o.put("NetworkID", n.id);
        o.put("NetworkName", n.name);
        o.put("Driver", n.driver);
        o.put("EndpointID", e.id);
        o.put("IPAddress", e.address == 0 ? "" : Ipv4.format(e.address));
        o.put("IPPrefixLen", n.subnet == null ? 0 : prefix(n));
        o.put("Gateway", n.gateway == null ? "" : n.gateway);
        o.put("Subnet", n.subnet == null ? "" : n.subnet);
        o.put("MacAddress", e.macAddress == null ? "" : e.macAddress);
        var aliases = o.putArray("Aliases");
        JsonMaps.readList(e.aliasesJson).forEach(aliases::add);
        o.put("Internal", n.internal);
        o.put("DefaultBridge", n.predefined && "bridge".equals(n.driver));
        if ("bridge".equals(n.driver)) {
            BridgeOptions b = settings.bridge(n);
            o.put("Bridge", b.bridgeName());
            o.put("Icc", b.icc());
            o.put("Masquerade", b.masquerade());
            o.put("Mtu", b.mtu());
        }
        return o;
    }

    private static int prefix(NetworkEntity n) {
        return n.subnet == null ? 0 : Cidr.parse(n.subnet).prefix();
    }
}
