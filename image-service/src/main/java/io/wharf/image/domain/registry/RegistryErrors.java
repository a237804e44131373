package io.wharf.image.domain.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * The registry's error envelope {@code {"errors":[{"code","message","detail"}]}}, rendered as
 * distribution's errcode does: {@code "manifest unknown: manifest unknown"} (the code in words, then the message).
 */
public record RegistryErrors(String code, String message) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The first error of the body, if it is the envelope. */
    public static Optional<RegistryErrors> parse(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try {
            JsonNode first = MAPPER.readTree(body).path("errors").path(0);
            if (!first.isObject()) {
                return Optional.empty();
            }
            return Optional.of(new RegistryErrors(first.path("code").asText("UNKNOWN"),
                    first.path("message").asText("")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** {@code MANIFEST_UNKNOWN} as {@code manifest unknown}. */
    public String codeWords() {
        return code.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    @Override
    public String toString() {
        return message.isEmpty() ? codeWords() : codeWords() + ": " + message;
    }
}
