package io.wharf.image.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import io.wharf.common.error.WharfException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** A content digest, always {@code sha256:<64 lowercase hex>}; nothing else is ever accepted. */
public record Digest(String hex) {
    private static final Pattern HEX64 = Pattern.compile("[a-f0-9]{64}");
    private static final Pattern FULL = Pattern.compile("sha256:[a-f0-9]{64}");
    public static final String PREFIX = "sha256:";

    public Digest {
        if (hex == null || !HEX64.matcher(hex).matches()) {
            throw new IllegalArgumentException("not a sha256 hex digest: " + hex);
        }
    }

    /** Parses {@code sha256:<64 hex>} from outside; anything else is a 400. */
    public static Digest parse(String value) {
        if (!isValid(value)) {
            throw WharfException.invalid("invalid digest format: " + value);
        }
        return new Digest(value.substring(PREFIX.length()));
    }

    public static boolean isValid(String value) {
        return value != null && FULL.matcher(value).matches();
    }

    public static boolean isHex64(String value) {
        return value != null && HEX64.matcher(value).matches();
    }

    public static Digest of(byte[] content) {
        return new Digest(HexFormat.of().formatHex(sha256().digest(content)));
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Docker's short id: the first 12 hex characters. */
    public String shortId() {
        return hex.substring(0, 12);
    }

    @JsonValue
    @Override
    public String toString() {
        return PREFIX + hex;
    }
}
