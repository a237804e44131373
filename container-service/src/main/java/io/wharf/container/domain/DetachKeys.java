package io.wharf.container.domain;

import io.wharf.common.error.WharfException;
import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * The key sequence that detaches a client from a container's stdin (Docker's {@code detachKeys}): a
 * comma-separated list of single characters and {@code ctrl-<x>} names; {@code ctrl-p,ctrl-q} when none
 * is given, as dockerd.
 */
public final class DetachKeys {
    public static final String DEFAULT = "ctrl-p,ctrl-q";

    private DetachKeys() {
    }

    /** The bytes of a sequence; a 400 with dockerd's message for a sequence it cannot read. */
    public static byte[] parse(String keys) {
        String spec = keys == null || keys.isEmpty() ? DEFAULT : keys;
        ByteArrayOutputStream codes = new ByteArrayOutputStream();
        for (String key : spec.split(",", -1)) {
            int code = code(key);
            if (code < 0) {
                throw WharfException.invalid("Invalid detach keys (" + keys + ") provided");
            }
            codes.write(code);
        }
        return codes.toByteArray();
    }

    /** moby's term.ToBytes: one character stands for itself; ctrl-@, ctrl-a..z, ctrl-[ \ ] ^ _ for 0..31. */
    private static int code(String key) {
        if (key.length() == 1) {
            return key.charAt(0) < 128 ? key.charAt(0) : -1;
        }
        String k = key.toLowerCase(Locale.ROOT);
        if (k.length() != 6 || !k.startsWith("ctrl-")) {
            return -1;
        }
        char c = k.charAt(5);
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 1;
        }
        return switch (c) {
            case '@' -> 0;
            case '[' -> 27;
            case '\\' -> 28;
            case ']' -> 29;
            case '^' -> 30;
            case '_' -> 31;
            default -> -1;
        };
    }
}
