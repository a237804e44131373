package io.wharf.image.service;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.wharf.image.config.DataPaths;
import io.wharf.image.domain.ContainerConfig;
import io.wharf.image.domain.Digest;
import io.wharf.image.domain.ImageConfig;
import io.wharf.image.domain.ImageConfigJson;
import io.wharf.image.domain.ImageInspect;
import io.wharf.image.domain.LayerDescriptor;
import io.wharf.image.domain.Rfc3339;
import io.wharf.image.store.ImageEntity;
import io.wharf.image.store.ImageRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read side for one image: Docker's inspect document and the layer list container-service unpacks. */
@ApplicationScoped
public class ImageInspector {
    private final ImageResolver resolver;
    private final ImageReferences references;
    private final ImageRepository images;
    private final DataPaths paths;

    public ImageInspector(ImageResolver resolver, ImageReferences references, ImageRepository images,
            DataPaths paths) {
        this.resolver = resolver;
        this.references = references;
        this.images = images;
        this.paths = paths;
    }

    @WithSpan
    @Transactional
    public ImageInspect inspect(String ref) {
        ImageEntity image = resolver.resolve(ref);
        ImageConfig config = ImageConfigJson.read(image.configJson);
        ImageReferences.Refs refs = references.of(image.id);
        List<String> diffIds = config.rootfs == null || config.rootfs.diffIds() == null ? List.of()
                : config.rootfs.diffIds();
        return new ImageInspect(
                image.id,
                refs.familiarTags(),
                refs.familiarDigests(),
                image.parent == null ? "" : image.parent,
                config.comment == null ? "" : config.comment,
                config.created == null ? Rfc3339.format(image.created) : config.created,
                "",
                config.author == null ? "" : config.author,
                config.config == null ? new ContainerConfig() : config.config,
                config.architecture == null ? "" : config.architecture,
                config.os == null ? "" : config.os,
                image.size,
                image.size,
                new ImageInspect.GraphDriver("overlay2", graphDriverData(diffIds)),
                new ImageInspect.RootFsView("layers", diffIds),
                new ImageInspect.Metadata(Rfc3339.format(image.lastTagTime)));
    }

    /** overlay2's view: the top layer as UpperDir, the ones below (top first) as LowerDir. */
    private Map<String, String> graphDriverData(List<String> diffIds) {
        Map<String, String> data = new LinkedHashMap<>();
        if (diffIds.isEmpty()) {
            return data;
        }
        Path top = paths.snapshotDir(Digest.parse(diffIds.get(diffIds.size() - 1)).hex());
        List<String> lower = new ArrayList<>();
        for (int i = diffIds.size() - 2; i >= 0; i--) {
            lower.add(paths.snapshotDir(Digest.parse(diffIds.get(i)).hex()).resolve("fs").toString());
        }
        if (!lower.isEmpty()) {
            data.put("LowerDir", String.join(":", lower));
        }
        data.put("MergedDir", top.resolve("merged").toString());
        data.put("UpperDir", top.resolve("fs").toString());
        data.put("WorkDir", top.resolve("work").toString());
        return data;
    }

    @WithSpan
    @Transactional
    public List<LayerDescriptor> layers(String ref) {
        ImageEntity image = resolver.resolve(ref);
        return image.layers.stream()
                .map(l -> new LayerDescriptor(l.digest, l.diffId, l.mediaType, l.size))
                .toList();
    }

    @Transactional
    public long count() {
        return images.count();
    }
}
