package io.wharf.image.service.registry;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.wharf.common.error.WharfException;
import io.wharf.image.domain.Reference;
import io.wharf.image.service.ImageResolver;
import io.wharf.image.store.ImageEntity;
import io.wharf.image.store.TagEntity;
import io.wharf.image.store.TagRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Which local images a push sends: one tag, or every tag of the repository when none is given. */
@ApplicationScoped
public class PushSource {
    private final TagRepository tags;
    private final ImageResolver resolver;

    public PushSource(TagRepository tags, ImageResolver resolver) {
        this.tags = tags;
        this.resolver = resolver;
    }

    public record Tagged(Reference reference, ImageEntity image) {
    }

    public List<Tagged> images(Reference ref) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (ref.tag() != null) {
                TagEntity row = tags.findById(ref.toString());
                if (row == null) {
                    throw WharfException.notFound("An image does not exist locally with the tag: " + ref.familiarName());
                }
                return List.of(new Tagged(ref, resolver.resolve(row.imageId)));
            }
            List<TagEntity> rows = tags.list("repository = ?1 order by reference", ref.name());
            if (rows.isEmpty()) {
                throw WharfException.notFound("An image does not exist locally with the tag: " + ref.familiarName());
            }
            return rows.stream().map(r -> new Tagged(Reference.parse(r.reference), resolver.resolve(r.imageId)))
                    .toList();
        });
    }
}
