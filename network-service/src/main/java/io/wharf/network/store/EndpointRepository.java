package io.wharf.network.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class EndpointRepository implements PanacheRepositoryBase<EndpointEntity, String> {

    public List<EndpointEntity> byNetwork(String networkId) {
        return list("networkId", networkId);
    }

    public List<EndpointEntity> byContainer(String containerId) {
        return list("containerId", containerId);
    }

    public Optional<EndpointEntity> of(String networkId, String containerId) {
        return find("networkId = ?1 and containerId = ?2", networkId, containerId).firstResultOptional();
    }

    public long countByNetwork(String networkId) {
        return count("networkId", networkId);
    }
}
