package io.wharf.image.store;

import io.wharf.image.domain.Digest;
import java.nio.file.Path;

/**
 * Content fully written, synced and hashed, but not yet visible in the store: commit or discard it.
 *
 * @param digest the sha256 of the content
 * @param size   its length in bytes
 * @param file   the temporary file, in the blob directory
 */
public record StagedBlob(Digest digest, long size, Path file) {
}
