package io.wharf.network.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.wharf.common.error.ErrorKind;
import io.wharf.common.error.WharfException;
import io.wharf.common.filter.FilterArgs;
import io.wharf.common.time.DockerTimestamps;
import io.wharf.network.store.EndpointRepository;
import io.wharf.network.store.NetworkEntity;
import io.wharf.network.store.NetworkRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** {@code DELETE /networks/{id}} and {@code POST /networks/prune}. */
@ApplicationScoped
public class NetworkRemover {
    private static final Set<String> PRUNE_FILTERS = Set.of("until", "label", "label!");

    private final NetworkLookup lookup;
    private final NetworkRepository networks;
    private final EndpointRepository endpoints;
    private final NetworkEvents events;

    public NetworkRemover(NetworkLookup lookup, NetworkRepository networks, EndpointRepository endpoints,
            NetworkEvents events) {
        this.lookup = lookup;
        this.networks = networks;
        this.endpoints = endpoints;
        this.events = events;
    }

    /** 403 for predefined networks and networks with active endpoints, as moby's libnetwork answers. */
    public void remove(String ref) {
        QuarkusTransaction.requiringNew().run(() -> {
            NetworkEntity n = lookup.resolve(ref);
            if (n.predefined) {
                throw new WharfException(ErrorKind.FORBIDDEN, n.name + " is a pre-defined network and cannot be removed");
            }
            if (endpoints.countByNetwork(n.id) > 0) {
                throw new WharfException(ErrorKind.FORBIDDEN, "error while removing network: network " + n.name
                        + " id " + n.id + " has active endpoints");
            }
            networks.delete(n);
            events.destroyed(n);
        });
    }

    /** Removes the user-defined networks without endpoints that match the filters; returns their names. */
    public ObjectNode prune(String filtersJson) {
        FilterArgs filters = FilterArgs.parse(filtersJson, PRUNE_FILTERS);
        Instant now = Instant.now();
        List<String> deleted = QuarkusTransaction.requiringNew().call(() -> {
            List<String> names = new java.util.ArrayList<>();
            for (NetworkEntity n : networks.listAll()) {
                var labels = JsonMaps.read(n.labelsJson);
                if (n.predefined || endpoints.countByNetwork(n.id) > 0 || !filters.matchLabels("label", labels)
                        || !filters.matchNoLabels("label!", labels) || !createdBefore(filters, n, now)) {
                    continue;
                }
                networks.delete(n);
                events.destroyed(n);
                names.add(n.name);
            }
            events.pruned();
            return names;
        });
        ObjectNode out = JsonMaps.JSON.createObjectNode();
        var arr = out.putArray("NetworksDeleted");
        deleted.forEach(arr::add);
        return out;
    }

    private static boolean createdBefore(FilterArgs filters, NetworkEntity n, Instant now) {
        for (String until : filters.get("until")) {
            if (!n.created.isBefore(DockerTimestamps.parse(until, now))) {
                return false;
            }
        }
        return true;
    }
}
