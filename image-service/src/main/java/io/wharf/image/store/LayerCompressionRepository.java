package io.wharf.image.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** diffId to the gzip blob a push made of it. */
@ApplicationScoped
public class LayerCompressionRepository implements PanacheRepositoryBase<LayerCompressionEntity, String> {
}
