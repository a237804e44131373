package io.wharf.image.client.registry;

import io.wharf.image.domain.Digest;

/**
 * A manifest exactly as the registry sent it.
 *
 * @param body        the bytes (whose sha256 is the digest)
 * @param contentType the registry's Content-Type
 * @param digest      sha256 of the body, verified against the requested digest and Docker-Content-Digest
 */
public record FetchedManifest(byte[] body, String contentType, Digest digest) {
}
