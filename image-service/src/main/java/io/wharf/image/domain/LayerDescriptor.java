package io.wharf.image.domain;

/**
 * One layer of an image, bottom first, as container-service fetches and unpacks it.
 *
 * @param digest    the blob to fetch from {@code /internal/v1/blobs/{digest}}
 * @param diffId    the digest of the uncompressed tar (equal to digest for uncompressed blobs)
 * @param mediaType how the blob is encoded
 * @param size      the blob's size in bytes
 */
public record LayerDescriptor(String digest, String diffId, String mediaType, long size) {
}
