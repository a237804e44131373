package io.wharf.network.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.wharf.common.error.ErrorKind;
import io.wharf.common.error.WharfException;
import io.wharf.network.domain.AddressPlan;
import io.wharf.network.domain.Ipv4;
import io.wharf.network.domain.ObjectIds;
import io.wharf.network.store.EndpointEntity;
import io.wharf.network.store.EndpointRepository;
import io.wharf.network.store.NetworkEntity;
import io.wharf.network.store.NetworkRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

/**
 * IPAM leases: a container's endpoint on a network with its address and MAC. Allocation on a network is
 * serialised by a lock per network and backed by the database's unique constraint on (network, address),
 * so no address is given twice; the lowest free one is taken, so released addresses are reused.
 */
@ApplicationScoped
public class EndpointService {

    private final NetworkLookup lookup;
    private final NetworkRepository networks;
    private final EndpointRepository endpoints;
    private final NetworkEvents events;
    private final NetworkViews views;
    private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();

    public EndpointService(NetworkLookup lookup, NetworkRepository networks, EndpointRepository endpoints,
            NetworkEvents events, NetworkViews views) {
        this.lookup = lookup;
        this.networks = networks;
        this.endpoints = endpoints;
        this.events = events;
        this.views = views;
    }

    /** A request for an endpoint: the address and MAC may be asked for ({@code --ip}, {@code --mac-address}). */
    public record Request(String containerId, String containerName, List<String> aliases, String ipAddress,
            String macAddress) {
    }

    /** Joins the container to the network and publishes {@code connect}; returns the endpoint settings. */
    public ObjectNode connect(String networkRef, Request request) {
        String networkId = QuarkusTransaction.requiringNew().call(() -> lookup.resolve(networkRef).id);
        synchronized (locks.computeIfAbsent(networkId, k -> new Object())) {
            return QuarkusTransaction.requiringNew().call(() -> connectLocked(networkId, request));
        }
    }

    private ObjectNode connectLocked(String networkId, Request request) {
        NetworkEntity n = networks.findById(networkId);
        if (n == null) {
            throw WharfException.notFound("network " + networkId + " not found");
        }
        if (endpoints.of(n.id, request.containerId()).isPresent()) {
            throw new WharfException(ErrorKind.FORBIDDEN, "endpoint with name " + request.containerName()
                    + " already exists in network " + n.name);
        }
        EndpointEntity e = new EndpointEntity();
        e.id = ObjectIds.generate();
        e.networkId = n.id;
        e.containerId = request.containerId();
        e.containerName = request.containerName();
        e.aliasesJson = JsonMaps.write(request.aliases() == null ? List.of() : request.aliases());
        if (n.subnet != null) {
            AddressPlan plan = AddressPlan.of(n.subnet, n.ipRange, n.gateway);
            Set<Long> taken = endpoints.byNetwork(n.id).stream().map(x -> x.address).collect(Collectors.toSet());
            e.address = address(n, plan, taken, request.ipAddress());
            e.macAddress = blank(request.macAddress()) ? Ipv4.mac(e.address) : request.macAddress().toLowerCase();
        } else if (!blank(request.ipAddress())) {
            throw WharfException.invalid("user specified IP address is supported only when connecting to networks with user configured subnets");
        }
        endpoints.persist(e);
        endpoints.flush();
        events.connected(n, request.containerId());
        return views.endpoint(n, e);
    }

    private static long address(NetworkEntity n, AddressPlan plan, Set<Long> taken, String requested) {
        if (blank(requested)) {
            return plan.firstFree(taken).orElseThrow(() -> WharfException.system(
                    "no available IPv4 addresses on this network's address pools: " + n.name, null));
        }
        if (!n.userSubnet) {
            throw WharfException.invalid("user specified IP address is supported only when connecting to networks with user configured subnets");
        }
        long a = Ipv4.parse(requested);
        if (!plan.subnet().contains(a)) {
            throw WharfException.invalid("no configured subnet or ip-range contain the IP address " + requested);
        }
        if (!plan.assignable(a) || taken.contains(a)) {
            throw new WharfException(ErrorKind.FORBIDDEN, "Address already in use");
        }
        return a;
    }

    /** Leaves the network and publishes {@code disconnect}; false when the container was not on it. */
    public boolean disconnect(String networkRef, String containerId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            NetworkEntity n = lookup.resolve(networkRef);
            return endpoints.of(n.id, containerId).map(e -> {
                release(n, e);
                return true;
            }).orElse(false);
        });
    }

    /** Releases every lease of a container (it was removed); returns how many. */
    public int releaseAll(String containerId) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            List<EndpointEntity> held = endpoints.byContainer(containerId);
            for (EndpointEntity e : held) {
                NetworkEntity n = networks.findById(e.networkId);
                if (n == null) {
                    endpoints.delete(e);
                } else {
                    release(n, e);
                }
            }
            return held.size();
        });
    }

    private void release(NetworkEntity n, EndpointEntity e) {
        endpoints.delete(e);
        events.disconnected(n, e.containerId);
    }

    private static boolean blank(String s) {
        return s == null || s.isEmpty();
    }

}
