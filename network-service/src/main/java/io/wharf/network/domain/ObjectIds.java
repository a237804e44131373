package io.wharf.network.domain;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Docker's object ids: 64 hex digits from 32 random bytes (networks and endpoints). */
public final class ObjectIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ObjectIds() {
    }

    public static String generate() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
