package io.wharf.image.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Tag rows: reference to image id. */
@ApplicationScoped
public class TagRepository implements PanacheRepositoryBase<TagEntity, String> {

    public List<TagEntity> byImage(String imageId) {
        return list("imageId", Sort.by("reference"), imageId);
    }

    public long countByImage(String imageId) {
        return count("imageId", imageId);
    }

    public boolean repositoryHasTagsFor(String imageId, String repository) {
        return count("imageId = ?1 and repository = ?2", imageId, repository) > 0;
    }
}
