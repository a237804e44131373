package io.wharf.image.service.registry;

import io.wharf.common.error.ErrorKind;
import io.wharf.common.error.WharfException;
import io.wharf.image.domain.Digest;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/**
 * The "Extracting" step of a pull: reads a layer blob through its decompression (gzip by magic number,
 * or none) and checks that the uncompressed tar is the diff id the image config names. Gives the
 * uncompressed size. The host agent unpacks the same blob later and checks it again.
 */
final class LayerVerifier {
    private LayerVerifier() {
    }

    /** The uncompressed size; throws when the content is not {@code diffId}. */
    static long verify(InputStream blob, Digest diffId) throws IOException {
        InputStream raw = new BufferedInputStream(blob, 64 * 1024);
        raw.mark(4);
        int b1 = raw.read();
        int b2 = raw.read();
        int b3 = raw.read();
        int b4 = raw.read();
        raw.reset();
        InputStream tar;
        if (b1 == 0x1f && b2 == 0x8b) {
            tar = new GZIPInputStream(raw, 64 * 1024);
        } else if (b1 == 0x28 && b2 == 0xb5 && b3 == 0x2f && b4 == 0xfd) {
            throw new WharfException(ErrorKind.SYSTEM, "failed to register layer: zstd-compressed layers are not supported");
        } else {
            tar = raw;
        }
        MessageDigest sha = Digest.sha256();
        long size;
        try (InputStream in = new DigestInputStream(tar, sha)) {
            size = in.transferTo(OutputStream.nullOutputStream());
        }
        String actual = Digest.PREFIX + HexFormat.of().formatHex(sha.digest());
        if (!actual.equals(diffId.toString())) {
            throw new WharfException(ErrorKind.SYSTEM, "failed to register layer: layer " + diffId
                    + " has unexpected content: its uncompressed digest is " + actual);
        }
        return size;
    }
}
