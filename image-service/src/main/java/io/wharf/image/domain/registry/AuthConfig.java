package io.wharf.image.domain.registry;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wharf.common.error.WharfException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Docker's {@code AuthConfig}: what {@code docker login} posts to {@code /auth} and what the CLI sends,
 * base64url-encoded, in {@code X-Registry-Auth} with a pull or push. {@code auth} is base64 of
 * {@code user:password} (the form stored in the CLI's config.json).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuthConfig(@JsonProperty("username") String username, @JsonProperty("password") String password,
        @JsonProperty("auth") String auth, @JsonProperty("email") String email,
        @JsonProperty("serveraddress") String serverAddress, @JsonProperty("identitytoken") String identityToken,
        @JsonProperty("registrytoken") String registryToken) {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    public static final AuthConfig ANONYMOUS = new AuthConfig(null, null, null, null, null, null, null);

    /** Decodes an {@code X-Registry-Auth} header; absent or empty means anonymous. */
    public static AuthConfig fromHeader(String header) {
        if (header == null || header.isBlank() || header.equals("e30") || header.equals("e30=")) {
            return ANONYMOUS;
        }
        byte[] json;
        try {
            json = decode(header.trim());
        } catch (IllegalArgumentException e) {
            throw WharfException.invalid("Bad parameters and missing X-Registry-Auth: invalid base64");
        }
        return parse(json);
    }

    public static AuthConfig parse(byte[] json) {
        try {
            AuthConfig parsed = MAPPER.readValue(json, AuthConfig.class);
            return parsed == null ? ANONYMOUS : parsed.withAuthSplit();
        } catch (IOException e) {
            throw WharfException.invalid("Bad parameters and missing X-Registry-Auth: " + e.getMessage());
        }
    }

    private static byte[] decode(String value) {
        String normalized = value.replace('-', '+').replace('_', '/');
        int pad = (4 - normalized.length() % 4) % 4;
        return Base64.getDecoder().decode(normalized + "=".repeat(pad == 3 ? 0 : pad));
    }

    /** Fills username and password from {@code auth} when only that was given. */
    private AuthConfig withAuthSplit() {
        if ((username == null || username.isEmpty()) && auth != null && !auth.isEmpty()) {
            String pair = new String(decode(auth), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            if (colon > 0) {
                return new AuthConfig(pair.substring(0, colon), pair.substring(colon + 1), auth, email, serverAddress,
                        identityToken, registryToken);
            }
        }
        return this;
    }

    public boolean hasCredentials() {
        return username != null && !username.isEmpty();
    }

    /** The {@code Authorization: Basic} value for these credentials. */
    public String basic() {
        String pair = username + ":" + (password == null ? "" : password);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
