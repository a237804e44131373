package io.wharf.image.service;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.wharf.image.domain.ChainIds;
import io.wharf.image.domain.DeleteResponseItem;
import io.wharf.image.domain.Digest;
import io.wharf.image.store.ImageEntity;
import io.wharf.image.store.ImageLayer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code docker rmi}: rows and events in one transaction, then the blobs no image uses any more. */
@ApplicationScoped
public class DeleteService {
    private final ImageDeleter deleter;
    private final BlobCollector collector;

    public DeleteService(ImageDeleter deleter, BlobCollector collector) {
        this.deleter = deleter;
        this.collector = collector;
    }

    /** Parents left dangling and unused by the deletion go too, unless {@code noprune}. */
    @WithSpan
    public List<DeleteResponseItem> delete(String ref, boolean force, boolean noprune) {
        ImageDeleter.Outcome outcome = deleter.delete(ref, force, !noprune);
        List<DeleteResponseItem> items = new ArrayList<>(outcome.items());
        for (ImageEntity image : outcome.deleted()) {
            items.addAll(collectLayers(image));
        }
        return items;
    }

    /** Removes the image's blobs no other image uses; {@code Deleted: <chain id>} for each layer that went. */
    public List<DeleteResponseItem> collectLayers(ImageEntity image) {
        List<DeleteResponseItem> items = new ArrayList<>();
        List<Digest> candidates = new ArrayList<>();
        candidates.add(Digest.parse(image.id));
        image.layers.forEach(layer -> candidates.add(Digest.parse(layer.digest)));
        Set<Digest> removed = collector.collect(candidates);
        List<String> chain = ChainIds.of(image.layers.stream().map(l -> l.diffId).toList());
        for (int i = image.layers.size() - 1; i >= 0; i--) {
            ImageLayer layer = image.layers.get(i);
            if (removed.contains(Digest.parse(layer.digest))) {
                items.add(DeleteResponseItem.deleted(chain.get(i)));
            }
        }
        return items;
    }
}
