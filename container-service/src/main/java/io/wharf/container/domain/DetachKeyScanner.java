package io.wharf.container.domain;

import java.io.ByteArrayOutputStream;

/**
 * Watches a client's input for the detach sequence, as moby's copyEscapable does: bytes that could be the
 * start of the sequence are held back; if the sequence breaks off they go on in order, and once it is
 * complete the client is detached and neither the sequence nor anything after it is forwarded.
 */
public final class DetachKeyScanner {
    private final byte[] keys;
    private int matched;
    private boolean detached;

    /** {@code keys}: at least one byte, as {@link DetachKeys#parse} gives. */
    public DetachKeyScanner(byte[] keys) {
        this.keys = keys.clone();
    }

    /** What to forward of one chunk of input, and whether the client detached with it. */
    public record Scan(byte[] forward, boolean detached) {
    }

    public Scan feed(byte[] input) {
        if (detached) {
            return new Scan(new byte[0], true);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(input.length);
        for (byte b : input) {
            if (b == keys[matched]) {
                matched++;
                if (matched == keys.length) {
                    detached = true;
                    return new Scan(out.toByteArray(), true);
                }
                continue;
            }
            // the sequence broke off: what was held back is input after all
            out.write(keys, 0, matched);
            matched = 0;
            if (b == keys[0]) {
                matched = 1;
                if (keys.length == 1) {
                    detached = true;
                    return new Scan(out.toByteArray(), true);
                }
            } else {
                out.write(b);
            }
        }
        return new Scan(out.toByteArray(), false);
    }
}
