package io.wharf.network.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class NetworkRepository implements PanacheRepositoryBase<NetworkEntity, String> {

    public Optional<NetworkEntity> byName(String name) {
        return find("name", name).firstResultOptional();
    }
}
