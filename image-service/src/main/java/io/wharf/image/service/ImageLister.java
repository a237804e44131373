package io.wharf.image.service;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.wharf.image.domain.GlobPattern;
import io.wharf.image.domain.ImageConfigJson;
import io.wharf.image.domain.ImageSummary;
import io.wharf.image.domain.Reference;
import io.wharf.image.store.ImageEntity;
import io.wharf.image.store.ImageRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code docker images}: summaries newest first, with Docker's dangling/label/reference/before/since filters. */
@ApplicationScoped
public class ImageLister {
    private final ImageRepository images;
    private final ImageReferences references;
    private final ImageResolver resolver;

    public ImageLister(ImageRepository images, ImageReferences references, ImageResolver resolver) {
        this.images = images;
        this.references = references;
        this.resolver = resolver;
    }

    /** {@code all} is accepted for compatibility: there are no intermediate images to hide yet. */
    @WithSpan
    @Transactional
    public List<ImageSummary> list(ListFilters filters) {
        Instant before = bound(filters.before());
        Instant since = bound(filters.since());
        Boolean dangling = filters.dangling();
        List<GlobPattern> patterns = filters.references();
        Map<String, ImageReferences.Refs> refsById = references.all();
        List<ImageSummary> out = new ArrayList<>();
        for (ImageEntity image : images.listNewestFirst()) {
            ImageReferences.Refs refs = refsById.getOrDefault(image.id, ImageReferences.Refs.NONE);
            boolean isDangling = refs.tags().isEmpty() && refs.digests().isEmpty();
            if (dangling != null && dangling != isDangling) {
                continue;
            }
            if (before != null && !image.created.isBefore(before) || since != null && !image.created.isAfter(since)) {
                continue;
            }
            Map<String, String> labels = ImageConfigJson.read(image.configJson).labels();
            if (!filters.labelsMatch(labels)) {
                continue;
            }
            List<String> tags = refs.familiarTags();
            List<String> digests = refs.familiarDigests();
            if (!patterns.isEmpty()) {
                tags = matching(refs.tags(), patterns);
                digests = matching(refs.digests(), patterns);
                if (tags.isEmpty() && digests.isEmpty()) {
                    continue;
                }
            }
            out.add(new ImageSummary(-1, image.created.getEpochSecond(), image.id, labels.isEmpty() ? null : labels,
                    image.parent == null ? "" : image.parent, digests, tags, -1, image.size, image.size));
        }
        return out;
    }

    /** Docker's FamiliarMatch: the pattern against {@code name:tag}, then against the bare name. */
    private static List<String> matching(List<Reference> refs, List<GlobPattern> patterns) {
        return refs.stream()
                .filter(ref -> patterns.stream().anyMatch(p -> p.matches(ref.familiar()) || p.matches(ref.familiarName())))
                .map(Reference::familiar)
                .sorted()
                .toList();
    }

    private Instant bound(List<String> refs) {
        Instant bound = null;
        for (String ref : refs) {
            Instant created = resolver.resolve(ref).created;
            bound = created; // Docker uses the last one given
        }
        return bound;
    }
}
