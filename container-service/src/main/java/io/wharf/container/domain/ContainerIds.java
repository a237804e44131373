package io.wharf.container.domain;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Container ids: 64 lowercase hex characters, as Docker's. */
public final class ContainerIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FULL = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern PREFIX = Pattern.compile("[0-9a-f]{1,64}");

    private ContainerIds() {
    }

    public static String generate() {
        while (true) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String id = HexFormat.of().formatHex(bytes);
            // as moby: an id that looks like a number would be confused with a short id
            if (!id.substring(0, 12).chars().allMatch(Character::isDigit)) {
                return id;
            }
        }
    }

    public static boolean isFull(String s) {
        return FULL.matcher(s).matches();
    }

    public static boolean isPrefix(String s) {
        return PREFIX.matcher(s).matches();
    }

    public static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
