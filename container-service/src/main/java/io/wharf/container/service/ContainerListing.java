package io.wharf.container.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.common.error.ErrorKind;
import io.wharf.common.error.WharfException;
import io.wharf.container.client.ImageClient;
import io.wharf.container.domain.ContainerState;
import io.wharf.common.filter.FilterArgs;
import io.wharf.container.store.ContainerEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code GET /containers/json}: newest first, running only unless all/limit/status, then filters and limit. */
@ApplicationScoped
public class ContainerListing {
    private final ContainerLookup lookup;
    private final ImageClient images;

    public ContainerListing(ContainerLookup lookup, ImageClient images) {
        this.lookup = lookup;
        this.images = images;
    }

    public List<ContainerEntity> list(boolean all, Integer limit, String filtersJson) {
        FilterArgs filters = FilterArgs.parse(filtersJson, ContainerListFilter.ACCEPTED);
        ContainerListFilter filter = new ContainerListFilter(filters, reference(filters, "before"),
                reference(filters, "since"), ancestors(filters));
        boolean everything = all || (limit != null && limit > 0) || filter.impliesAll();
        List<ContainerEntity> out = new ArrayList<>();
        for (ContainerEntity c : lookup.all()) {
            if (limit != null && limit > 0 && out.size() >= limit) {
                break;
            }
            if ((everything || c.state == ContainerState.RUNNING) && filter.matches(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The creation time of the container a before/since filter names (404 if there is none). */
    private Instant reference(FilterArgs filters, String key) {
        Instant at = null;
        for (String ref : filters.get(key)) {
            at = lookup.resolve(ref).created;
        }
        return at;
    }

    /** The image ids an ancestor filter names (by name, id or id prefix); null without the filter. */
    private Set<String> ancestors(FilterArgs filters) {
        if (!filters.contains("ancestor")) {
            return null;
        }
        Set<String> ids = new HashSet<>();
        for (String ref : filters.get("ancestor")) {
            try {
                JsonNode image = images.inspect(ref);
                ids.add(image.path("Id").asText());
            } catch (WharfException e) {
                if (e.kind() != ErrorKind.NOT_FOUND) {
                    throw e;
                }
            }
        }
        return ids;
    }
}
