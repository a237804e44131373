package io.wharf.image.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Image rows. */
@ApplicationScoped
public class ImageRepository implements PanacheRepositoryBase<ImageEntity, String> {

    /** Up to {@code limit} images whose id starts with {@code sha256:<hexPrefix>}; hexPrefix is pre-validated. */
    public List<ImageEntity> findByIdPrefix(String hexPrefix, int limit) {
        return find("id like ?1", "sha256:" + hexPrefix + "%").page(Page.ofSize(limit)).list();
    }

    /** Newest first, as {@code docker images} lists them. */
    public List<ImageEntity> listNewestFirst() {
        return listAll(Sort.descending("created").and("id"));
    }

    /** Whether an image was committed from this one (moby's "dependent child images"). */
    public boolean hasChildren(String imageId) {
        return count("parent", imageId) > 0;
    }

    /** Whether any image uses this blob, as its config or as a layer. */
    public boolean usesBlob(String digest) {
        if (count("id", digest) > 0) {
            return true;
        }
        return getEntityManager()
                .createQuery("select count(i) from ImageEntity i join i.layers l where l.digest = ?1", Long.class)
                .setParameter(1, digest)
                .getSingleResult() > 0;
    }
}
