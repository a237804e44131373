package io.wharf.network.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.common.error.WharfException;
import io.wharf.common.filter.FilterArgs;
import io.wharf.network.store.EndpointRepository;
import io.wharf.network.store.NetworkEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.Set;

/** {@code GET /networks} with moby's filters, and {@code GET /networks/{id}}. */
@ApplicationScoped
public class NetworkListing {
    private static final Set<String> FILTERS = Set.of("driver", "id", "label", "name", "scope", "type", "dangling");

    private final NetworkLookup lookup;
    private final EndpointRepository endpoints;
    private final NetworkViews views;

    public NetworkListing(NetworkLookup lookup, EndpointRepository endpoints, NetworkViews views) {
        this.lookup = lookup;
        this.endpoints = endpoints;
        this.views = views;
    }

    @Transactional
    public ArrayNode list(String filtersJson) {
        FilterArgs filters = FilterArgs.parse(filtersJson, FILTERS);
        for (String t : filters.get("type")) {
            if (!t.equals("custom") && !t.equals("builtin")) {
                throw WharfException.invalid("invalid filter: 'type'='" + t + "'");
            }
        }
        for (String d : filters.get("dangling")) {
            if (!Set.of("true", "false", "1", "0").contains(d)) {
                throw WharfException.invalid("invalid filter 'dangling=" + d + "'");
            }
        }
        ArrayNode out = JsonMaps.JSON.createArrayNode();
        lookup.all().stream().sorted(Comparator.comparing((NetworkEntity n) -> n.created))
                .filter(n -> matches(filters, n))
                .forEach(n -> out.add(views.resource(n, null)));
        return out;
    }

    private boolean matches(FilterArgs f, NetworkEntity n) {
        if (!f.match("name", n.name) || !f.match("id", n.id) || !f.exact("driver", n.driver)
                || !f.exact("scope", "local") || !f.matchLabels("label", JsonMaps.read(n.labelsJson))) {
            return false;
        }
        if (f.contains("type") && !f.get("type").contains(n.predefined ? "builtin" : "custom")) {
            return false;
        }
        if (f.contains("dangling")) {
            boolean wantDangling = f.get("dangling").stream().anyMatch(d -> d.equals("true") || d.equals("1"));
            boolean dangling = !n.predefined && endpoints.countByNetwork(n.id) == 0;
            return dangling == wantDangling;
        }
        return true;
    }

    @Transactional
    public ObjectNode inspect(String ref) {
        NetworkEntity n = lookup.resolve(ref);
        return views.resource(n, endpoints.byNetwork(n.id));
    }
}
