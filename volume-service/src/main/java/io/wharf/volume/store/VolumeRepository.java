package io.wharf.volume.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class VolumeRepository implements PanacheRepositoryBase<VolumeEntity, String> {
}
