package io.wharf.image.service;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.wharf.common.error.ErrorKind;
import io.wharf.common.error.WharfException;
import io.wharf.common.filter.FilterArgs;
import io.wharf.common.time.DockerTimestamps;
import io.wharf.image.domain.ChainIds;
import io.wharf.image.domain.DeleteResponseItem;
import io.wharf.image.domain.ImageConfigJson;
import io.wharf.image.domain.PruneReport;
import io.wharf.image.domain.Reference;
import io.wharf.image.store.ImageEntity;
import io.wharf.image.store.ImageRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * {@code docker image prune}, as moby's ImagesPrune: dangling images (or, with {@code dangling=false},
 * every image no container uses), minus the intermediate ones, filtered by {@code until} and labels;
 * each goes through the ordinary delete, whose conflicts (a container using it) just skip it.
 */
@ApplicationScoped
public class ImagePruner {
    private static final Logger LOG = Logger.getLogger(ImagePruner.class);
    private static final Set<String> ACCEPTED = Set.of("dangling", "until", "label", "label!");

    private final ImageRepository images;
    private final ImageReferences references;
    private final DeleteService deleter;
    private final ImageEvents events;

    public ImagePruner(ImageRepository images, ImageReferences references, DeleteService deleter, ImageEvents events) {
        this.images = images;
        this.references = references;
        this.deleter = deleter;
        this.events = events;
    }

    @WithSpan
    public PruneReport prune(String filtersJson) {
        FilterArgs filters = FilterArgs.parse(filtersJson, ACCEPTED);
        boolean danglingOnly = danglingOnly(filters);
        Instant until = null;
        for (String value : filters.get("until")) {
            until = DockerTimestamps.parse(value, Instant.now());
        }
        Instant bound = until;
        Map<String, Long> layerSizes = new HashMap<>();
        List<Candidate> candidates = QuarkusTransaction.requiringNew().call(() -> select(filters, danglingOnly,
                bound, layerSizes));
        List<DeleteResponseItem> deleted = new ArrayList<>();
        for (Candidate candidate : candidates) {
            for (String ref : candidate.refs()) {
                try {
                    deleted.addAll(deleter.delete(ref, false, false));
                } catch (WharfException e) {
                    if (e.kind() != ErrorKind.CONFLICT && e.kind() != ErrorKind.NOT_FOUND) {
                        throw e;
                    }
                    LOG.debugf("prune skips %s: %s", ref, e.getMessage());
                }
            }
        }
        long reclaimed = 0;
        for (DeleteResponseItem item : deleted) {
            if (item.deleted() != null) {
                reclaimed += layerSizes.getOrDefault(item.deleted(), 0L);
            }
        }
        long total = reclaimed;
        QuarkusTransaction.requiringNew().run(() -> events.pruned(total));
        return new PruneReport(deleted, reclaimed);
    }

    /** An image to prune and the references to delete it by (its id when it has none). */
    private record Candidate(String id, List<String> refs) {
    }

    private List<Candidate> select(FilterArgs filters, boolean danglingOnly, Instant until,
            Map<String, Long> layerSizes) {
        Map<String, ImageReferences.Refs> refsById = references.all();
        List<Candidate> out = new ArrayList<>();
        for (ImageEntity image : images.listNewestFirst()) {
            List<String> chain = ChainIds.of(image.layers.stream().map(l -> l.diffId).toList());
            for (int i = 0; i < chain.size(); i++) {
                layerSizes.put(chain.get(i), image.layers.get(i).size);
            }
            ImageReferences.Refs refs = refsById.getOrDefault(image.id, ImageReferences.Refs.NONE);
            List<Reference> all = new ArrayList<>(refs.tags());
            all.addAll(refs.digests());
            boolean hasChildren = images.hasChildren(image.id);
            if (danglingOnly && hasChildren) {
                continue; // not a head
            }
            if (all.isEmpty() && hasChildren) {
                continue; // an intermediate image
            }
            if (until != null && image.created.isAfter(until)) {
                continue;
            }
            Map<String, String> labels = ImageConfigJson.read(image.configJson).labels();
            if (!filters.matchLabels("label", labels) || !filters.matchNoLabels("label!", labels)) {
                continue;
            }
            if (all.isEmpty()) {
                out.add(new Candidate(image.id, List.of(image.id.substring("sha256:".length()))));
            } else if (!danglingOnly || refs.tags().isEmpty()) {
                out.add(new Candidate(image.id, all.stream().map(Reference::toString).toList()));
            }
        }
        return out;
    }

    private static boolean danglingOnly(FilterArgs filters) {
        boolean dangling = true;
        for (String value : filters.get("dangling")) {
            dangling = switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "true", "1" -> true;
                case "false", "0" -> false;
                default -> throw WharfException.invalid("Invalid filter 'dangling=" + value + "'");
            };
        }
        return dangling;
    }
}
