package io.wharf.image.service.registry;

import io.wharf.image.domain.Digest;
import io.wharf.image.store.BlobLocationEntity;
import io.wharf.image.store.BlobLocationRepository;
import io.wharf.image.store.LayerCompressionEntity;
import io.wharf.image.store.LayerCompressionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** What pushes and pulls learn about blobs on registries: gzip forms of layers, and which repositories hold a blob. */
@ApplicationScoped
public class PushRecords {
    private final LayerCompressionRepository compressions;
    private final BlobLocationRepository locations;

    public PushRecords(LayerCompressionRepository compressions, BlobLocationRepository locations) {
        this.compressions = compressions;
        this.locations = locations;
    }

    public record Compressed(Digest digest, long size) {
    }

    @Transactional
    public Optional<Compressed> compressed(String diffId) {
        LayerCompressionEntity row = compressions.findById(diffId);
        return row == null ? Optional.empty() : Optional.of(new Compressed(Digest.parse(row.digest), row.size));
    }

    @Transactional
    public void rememberCompressed(String diffId, Digest digest, long size) {
        LayerCompressionEntity row = compressions.findById(diffId);
        boolean fresh = row == null;
        if (fresh) {
            row = new LayerCompressionEntity();
            row.diffId = diffId;
        }
        row.digest = digest.toString();
        row.size = size;
        if (fresh) {
            compressions.persist(row);
        }
    }

    /** Another repository of {@code domain} known to hold the blob, as a path for {@code ?from=}. */
    @Transactional
    public Optional<String> mountSource(Digest digest, String domain, String exceptPath) {
        String prefix = domain + "/";
        return locations.byDigest(digest.toString()).stream()
                .map(l -> l.repository)
                .filter(r -> r.startsWith(prefix) && !r.equals(prefix + exceptPath))
                .map(r -> r.substring(prefix.length()))
                .findFirst();
    }

    @Transactional
    public void rememberLocation(Digest digest, String repository) {
        String id = digest + " " + repository;
        if (locations.findById(id) == null) {
            BlobLocationEntity row = new BlobLocationEntity();
            row.id = id;
            row.digest = digest.toString();
            row.repository = repository;
            locations.persist(row);
        }
    }
}
