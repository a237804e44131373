package io.wharf.image.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Reads and writes image configs with a mapper of its own, so the bytes an image id is computed
 * from never change with the application's JSON settings.
 */
public final class ImageConfigJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ImageConfigJson() {
    }

    public static byte[] write(ImageConfig config) {
        try {
            return MAPPER.writeValueAsBytes(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise image config", e);
        }
    }

    public static ImageConfig read(byte[] json) {
        try {
            return MAPPER.readValue(json, ImageConfig.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not an image config: " + e.getMessage(), e);
        }
    }

    public static ImageConfig read(String json) {
        try {
            return MAPPER.readValue(json, ImageConfig.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an image config: " + e.getOriginalMessage(), e);
        }
    }
}
