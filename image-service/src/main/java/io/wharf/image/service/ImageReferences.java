package io.wharf.image.service;

import io.wharf.image.domain.Reference;
import io.wharf.image.store.RepoDigestEntity;
import io.wharf.image.store.RepoDigestRepository;
import io.wharf.image.store.TagEntity;
import io.wharf.image.store.TagRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The tags and digest references of images, as parsed references, sorted as Docker sorts them. */
@ApplicationScoped
public class ImageReferences {

    /** References of one image. */
    public record Refs(List<Reference> tags, List<Reference> digests) {
        public static final Refs NONE = new Refs(List.of(), List.of());

        public List<String> familiarTags() {
            return tags.stream().map(Reference::familiar).sorted().toList();
        }

        public List<String> familiarDigests() {
            return digests.stream().map(Reference::familiar).sorted().toList();
        }
    }

    private final TagRepository tags;
    private final RepoDigestRepository digests;

    public ImageReferences(TagRepository tags, RepoDigestRepository digests) {
        this.tags = tags;
        this.digests = digests;
    }

    public Refs of(String imageId) {
        return new Refs(tags.byImage(imageId).stream().map(t -> Reference.parse(t.reference)).toList(),
                digests.byImage(imageId).stream().map(d -> Reference.parse(d.reference)).toList());
    }

    /** References of every image, by image id, in two queries. */
    public Map<String, Refs> all() {
        Map<String, List<Reference>> tagMap = new HashMap<>();
        for (TagEntity row : tags.listAll()) {
            tagMap.computeIfAbsent(row.imageId, k -> new ArrayList<>()).add(Reference.parse(row.reference));
        }
        Map<String, List<Reference>> digestMap = new HashMap<>();
        for (RepoDigestEntity row : digests.listAll()) {
            digestMap.computeIfAbsent(row.imageId, k -> new ArrayList<>()).add(Reference.parse(row.reference));
        }
        Set<String> ids = new HashSet<>(tagMap.keySet());
        ids.addAll(digestMap.keySet());
        Map<String, Refs> all = new HashMap<>();
        for (String id : ids) {
            all.put(id, new Refs(tagMap.getOrDefault(id, List.of()), digestMap.getOrDefault(id, List.of())));
        }
        return all;
    }
}
