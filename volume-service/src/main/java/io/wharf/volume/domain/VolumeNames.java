package io.wharf.volume.domain;

import io.wharf.common.error.WharfException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * moby's rules for volume names: {@code [a-zA-Z0-9][a-zA-Z0-9_.-]+}, so a name is one path component
 * that cannot be {@code .}, {@code ..} or contain a slash: a volume's directory never leaves the
 * volumes root nor reaches another volume's. Anonymous volumes get 64 random hex digits.
 */
public final class VolumeNames {
    public static final String RESTRICTED_CHARS = "[a-zA-Z0-9][a-zA-Z0-9_.-]";
    private static final Pattern VALID = Pattern.compile("^" + RESTRICTED_CHARS + "+$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private VolumeNames() {
    }

    /** 400 with moby's message (prefixed {@code create <name>: } as the volume store does). */
    public static void validate(String name) {
        if (name.length() == 1) {
            throw WharfException.invalid("create " + name
                    + ": volume name is too short, names should be at least two alphanumeric characters");
        }
        if (!VALID.matcher(name).matches()) {
            throw WharfException.invalid("create " + name + ": \"" + name
                    + "\" includes invalid characters for a local volume name, only \"" + RESTRICTED_CHARS
                    + "\" are allowed. If you intended to pass a host directory, use absolute path");
        }
    }

    public static boolean isValid(String name) {
        return name.length() > 1 && VALID.matcher(name).matches();
    }

    public static String anonymous() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
