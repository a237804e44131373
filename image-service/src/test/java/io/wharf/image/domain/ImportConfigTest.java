package io.wharf.image.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportConfigTest {
    private static final String DIFF = "sha256:" + "1".repeat(64);
    private static final Instant WHEN = Instant.parse("2024-05-06T07:08:09.123456780Z");

    @Test
    void buildsMobysImportConfig() {
        ImageConfig config = ImportConfig.build(List.of(DIFF), List.of("CMD [\"sh\"]"), null, WHEN);
        String json = new String(ImageConfigJson.write(config), StandardCharsets.UTF_8);
        assertTrue(json.startsWith("{\"comment\":\"Imported from -\",\"created\":\"2024-05-06T07:08:09.12345678Z\","
                + "\"config\":{\"Hostname\":\"\""), json);
        assertTrue(json.contains("\"Cmd\":[\"sh\"]"), json);
        assertTrue(json.contains("\"Env\":null"), json);
        assertTrue(json.endsWith("\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\","
                + "\"diff_ids\":[\"" + DIFF + "\"]},\"history\":[{\"created\":\"2024-05-06T07:08:09.12345678Z\","
                + "\"comment\":\"Imported from -\"}]}"), json);
        assertTrue(!json.contains("ExposedPorts") && !json.contains("StopSignal"), json);
    }

    @Test
    void usesTheMessageAsCommentAndHistory() {
        ImageConfig config = ImportConfig.build(List.of(DIFF), List.of(), "my import", WHEN);
        assertEquals("my import", config.comment);
        assertEquals("my import", config.history.get(0).comment());
    }

    @Test
    void roundTripsByteForByteSoTheIdIsStable() {
        ImageConfig config = ImportConfig.build(List.of(DIFF), List.of("LABEL b=2 a=1", "EXPOSE 80"), null, WHEN);
        byte[] first = ImageConfigJson.write(config);
        byte[] again = ImageConfigJson.write(ImageConfigJson.read(first));
        assertEquals(new String(first, StandardCharsets.UTF_8), new String(again, StandardCharsets.UTF_8));
        assertTrue(new String(first, StandardCharsets.UTF_8).contains("\"Labels\":{\"a\":\"1\",\"b\":\"2\"}"));
    }

    @Test
    void keepsFieldsItDoesNotModel() {
        String json = "{\"created\":\"2024-01-01T00:00:00Z\",\"config\":{\"Healthcheck\":{\"Test\":[\"NONE\"]},"
                + "\"Env\":[\"A=1\"]},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]},\"variant\":\"v8\"}";
        String out = new String(ImageConfigJson.write(ImageConfigJson.read(json)), StandardCharsets.UTF_8);
        assertTrue(out.contains("\"Healthcheck\":{\"Test\":[\"NONE\"]}"), out);
        assertTrue(out.contains("\"variant\":\"v8\""), out);
    }

    @Test
    void formatsTimesLikeGo() {
        assertEquals("2024-05-06T07:08:09Z", Rfc3339.format(Instant.parse("2024-05-06T07:08:09Z")));
        assertEquals("2024-05-06T07:08:09.1Z", Rfc3339.format(Instant.parse("2024-05-06T07:08:09.100Z")));
        assertEquals(Rfc3339.ZERO, Rfc3339.format(null));
    }

    @Test
    void computesChainIds() {
        String a = "sha256:" + "a".repeat(64);
        String b = "sha256:" + "b".repeat(64);
        List<String> chain = ChainIds.of(List.of(a, b));
        assertEquals(a, chain.get(0));
        assertEquals(Digest.of((a + " " + b).getBytes(StandardCharsets.UTF_8)).toString(), chain.get(1));
    }
}
