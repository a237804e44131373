package io.wharf.image.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Where blobs are known to be on registries. */
@ApplicationScoped
public class BlobLocationRepository implements PanacheRepositoryBase<BlobLocationEntity, String> {

    public List<BlobLocationEntity> byDigest(String digest) {
        return list("digest", digest);
    }
}
