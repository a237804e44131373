package io.wharf.image.service;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.wharf.image.domain.HistoryEntry;
import io.wharf.image.domain.HistoryItem;
import io.wharf.image.domain.ImageConfig;
import io.wharf.image.domain.ImageConfigJson;
import io.wharf.image.domain.Rfc3339;
import io.wharf.image.store.ImageEntity;
import io.wharf.image.store.ImageLayer;
import io.wharf.image.store.ImageRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code docker history}, as moby's ImageHistory: the config's history newest first, each non-empty
 * entry sized by its layer; ids (and tags) are filled walking the parent chain one entry at a time,
 * the rest is {@code <missing>}.
 */
@ApplicationScoped
public class ImageHistory {
    private final ImageResolver resolver;
    private final ImageRepository images;
    private final ImageReferences references;

    public ImageHistory(ImageResolver resolver, ImageRepository images, ImageReferences references) {
        this.resolver = resolver;
        this.images = images;
        this.references = references;
    }

    @WithSpan
    @Transactional
    public List<HistoryItem> history(String ref) {
        ImageEntity image = resolver.resolve(ref);
        ImageConfig config = ImageConfigJson.read(image.configJson);
        List<HistoryEntry> entries = config.history == null ? List.of() : config.history;
        List<HistoryItem> out = new ArrayList<>();
        int layer = 0;
        for (HistoryEntry entry : entries) {
            long size = 0;
            if (!entry.emptyLayer() && layer < image.layers.size()) {
                ImageLayer l = image.layers.get(layer++);
                size = l.size;
            }
            out.add(0, new HistoryItem(nullToEmpty(entry.comment()), seconds(entry.created()),
                    nullToEmpty(entry.createdBy()), HistoryItem.MISSING, size, null));
        }
        ImageEntity current = image;
        for (int i = 0; i < out.size() && current != null; i++) {
            HistoryItem item = out.get(i);
            List<String> tags = references.of(current.id).familiarTags();
            out.set(i, new HistoryItem(item.comment(), item.created(), item.createdBy(), current.id, item.size(),
                    tags.isEmpty() ? null : tags));
            current = current.parent == null ? null : images.findById(current.parent);
        }
        return out;
    }

    private static long seconds(String created) {
        if (created == null || created.isEmpty()) {
            return 0;
        }
        try {
            return Rfc3339.parse(created).getEpochSecond();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
