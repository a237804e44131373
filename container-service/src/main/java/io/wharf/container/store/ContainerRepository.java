package io.wharf.container.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.wharf.container.domain.ContainerState;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Container rows. */
@ApplicationScoped
public class ContainerRepository implements PanacheRepositoryBase<ContainerEntity, String> {

    public Optional<ContainerEntity> findByName(String name) {
        return find("name", name).firstResultOptional();
    }

    /** At most {@code limit} containers whose id starts with the given hex prefix. */
    public List<ContainerEntity> findByIdPrefix(String prefix, int limit) {
        return find("id like ?1", prefix + "%").page(0, limit).list();
    }

    public List<ContainerEntity> newestFirst() {
        return listAll(Sort.descending("created"));
    }

    public List<ContainerEntity> inState(ContainerState state) {
        return list("state", state);
    }

    public long countInState(ContainerState state) {
        return count("state", state);
    }
}
