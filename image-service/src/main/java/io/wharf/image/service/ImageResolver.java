package io.wharf.image.service;

import io.wharf.common.error.WharfException;
import io.wharf.image.domain.Digest;
import io.wharf.image.domain.Reference;
import io.wharf.image.store.ImageEntity;
import io.wharf.image.store.ImageRepository;
import io.wharf.image.store.RepoDigestEntity;
import io.wharf.image.store.RepoDigestRepository;
import io.wharf.image.store.TagEntity;
import io.wharf.image.store.TagRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the image a user's string names, in moby's order: a full id ({@code sha256:<hex>} or bare
 * 64 hex), then a reference ({@code name[:tag]} or {@code name@digest}), then a unique id prefix.
 * Call inside a transaction.
 */
@ApplicationScoped
public class ImageResolver {
    private static final Pattern ID_PREFIX = Pattern.compile("^(?:sha256:)?([a-f0-9]{1,64})$");

    private final ImageRepository images;
    private final TagRepository tags;
    private final RepoDigestRepository digests;

    public ImageResolver(ImageRepository images, TagRepository tags, RepoDigestRepository digests) {
        this.images = images;
        this.tags = tags;
        this.digests = digests;
    }

    /** The image, or 404 {@code No such image: <ref>}; 400 for a malformed reference; 409 for an ambiguous prefix. */
    public ImageEntity resolve(String input) {
        if (input != null && (Digest.isValid(input) || Digest.isHex64(input))) {
            String id = input.startsWith(Digest.PREFIX) ? input : Digest.PREFIX + input;
            ImageEntity image = images.findById(id);
            if (image == null) {
                throw WharfException.notFound("No such image: " + id);
            }
            return image;
        }
        Reference ref = Reference.parse(input);
        ImageEntity byReference = byReference(ref);
        if (byReference != null) {
            return byReference;
        }
        Matcher prefix = ID_PREFIX.matcher(input);
        if (prefix.matches()) {
            List<ImageEntity> matches = images.findByIdPrefix(prefix.group(1), 2);
            if (matches.size() > 1) {
                throw WharfException.conflict("multiple IDs found with provided prefix: " + input);
            }
            if (matches.size() == 1) {
                return matches.get(0);
            }
        }
        throw WharfException.notFound("No such image: " + ref.withDefaultTag().familiar());
    }

    private ImageEntity byReference(Reference ref) {
        String imageId;
        if (ref.hasDigest()) {
            RepoDigestEntity row = digests.findById(ref.name() + "@" + ref.digest());
            imageId = row == null ? null : row.imageId;
        } else {
            TagEntity row = tags.findById(ref.withDefaultTag().toString());
            imageId = row == null ? null : row.imageId;
        }
        return imageId == null ? null : images.findById(imageId);
    }
}
