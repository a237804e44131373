package io.wharf.image.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Digest reference rows: name@digest to image id. */
@ApplicationScoped
public class RepoDigestRepository implements PanacheRepositoryBase<RepoDigestEntity, String> {

    public List<RepoDigestEntity> byImage(String imageId) {
        return list("imageId", Sort.by("reference"), imageId);
    }
}
