package io.wharf.image.domain.registry;

import io.wharf.image.domain.Digest;

/**
 * A content descriptor of a manifest: what a blob or child manifest is, where to find it, how big it is;
 * {@code os}/{@code architecture}/{@code variant} only for the entries of an index.
 */
public record Descriptor(String mediaType, Digest digest, long size, String os, String architecture,
        String variant) {

    public static Descriptor of(String mediaType, Digest digest, long size) {
        return new Descriptor(mediaType, digest, size, null, null, null);
    }
}
