package io.wharf.network.service;

import io.wharf.common.error.WharfException;
import io.wharf.network.store.NetworkEntity;
import io.wharf.network.store.NetworkRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** moby's FindNetwork: full id, then exact name, then a unique id prefix; 404 {@code network X not found}. */
@ApplicationScoped
public class NetworkLookup {
    private final NetworkRepository networks;

    public NetworkLookup(NetworkRepository networks) {
        this.networks = networks;
    }

    public NetworkEntity resolve(String ref) {
        return find(ref).orElseThrow(() -> WharfException.notFound("network " + ref + " not found"));
    }

    public Optional<NetworkEntity> find(String ref) {
        if (ref == null || ref.isEmpty()) {
            return Optional.empty();
        }
        NetworkEntity byId = networks.findById(ref);
        if (byId != null) {
            return Optional.of(byId);
        }
        Optional<NetworkEntity> byName = networks.byName(ref);
        if (byName.isPresent()) {
            return byName;
        }
        List<NetworkEntity> byPrefix = networks.list("id like ?1", ref.replace("%", "").replace("_", "") + "%");
        if (byPrefix.size() > 1) {
            throw WharfException.invalid("network " + ref + " is ambiguous (" + byPrefix.size() + " matches found based on ID prefix)");
        }
        return byPrefix.stream().findFirst();
    }

    public List<NetworkEntity> all() {
        return networks.listAll();
    }
}
