package io.wharf.image.service;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.wharf.image.client.ContainerUsage;
import io.wharf.image.domain.ImageDiskUsage;
import io.wharf.image.domain.ImageSummary;
import io.wharf.image.store.ImageEntity;
import io.wharf.image.store.ImageLayer;
import io.wharf.image.store.ImageRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code docker system df} for images: every image with how many containers use it and how much of
 * it is shared with other images (layers stored once), and the size of all distinct layers.
 */
@ApplicationScoped
public class DiskUsage {
    private final ImageLister lister;
    private final ImageRepository images;
    private final ContainerUsage containers;

    public DiskUsage(ImageLister lister, ImageRepository images, ContainerUsage containers) {
        this.lister = lister;
        this.images = images;
        this.containers = containers;
    }

    @WithSpan
    @Transactional
    public ImageDiskUsage usage() {
        Map<String, Long> users = containers.countByImage();
        List<ImageEntity> all = images.listAll();
        Map<String, Integer> imagesPerLayer = new HashMap<>();
        Map<String, Long> layerSize = new HashMap<>();
        for (ImageEntity image : all) {
            for (ImageLayer layer : image.layers) {
                imagesPerLayer.merge(layer.digest, 1, Integer::sum);
                layerSize.put(layer.digest, layer.size);
            }
        }
        Map<String, Long> shared = new HashMap<>();
        for (ImageEntity image : all) {
            long s = 0;
            for (ImageLayer layer : image.layers) {
                if (imagesPerLayer.get(layer.digest) > 1) {
                    s += layer.size;
                }
            }
            shared.put(image.id, s);
        }
        long layersSize = layerSize.values().stream().mapToLong(Long::longValue).sum();
        List<ImageSummary> summaries = lister.list(ListFilters.none()).stream()
                .map(s -> new ImageSummary(users.getOrDefault(s.id(), 0L), s.created(), s.id(), s.labels(),
                        s.parentId(), s.repoDigests(), s.repoTags(), shared.getOrDefault(s.id(), 0L), s.size(),
                        s.virtualSize()))
                .toList();
        return new ImageDiskUsage(layersSize, summaries);
    }
}
