package io.wharf.image.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.wharf.image.client.ContainerUsage;
import io.wharf.eventbus.envelope.Event;
import io.wharf.eventbus.outbox.OutboxStore;
import io.wharf.eventbus.serde.EventJson;
import io.wharf.image.config.DataPaths;
import io.wharf.image.domain.Digest;
import io.wharf.image.domain.TarBuilder;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The internal API end to end in one process: in-memory H2, no Kafka (events stay in the outbox). */
@QuarkusTest
class ImageApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/internal/v1/")
    URI base;

    @Inject
    OutboxStore outbox;

    @Inject
    DataPaths paths;

    private final HttpClient http = HttpClient.newHttpClient();

    /** No container-service here: no container uses any image. */
    @BeforeEach
    void noContainers() {
        QuarkusMock.installMockForType(new ContainerUsage(null) {
            @Override
            public List<User> users() {
                return List.of();
            }
        }, ContainerUsage.class);
    }

    private HttpResponse<byte[]> send(String method, String path, byte[] body) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).method(method, publisher)
                .header("Content-Type", "application/x-tar").build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private JsonNode json(HttpResponse<byte[]> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static byte[] layer() {
        return new TarBuilder().dir("./").dir("./bin/").file("./bin/tool", "#!/bin/sh\necho hi\n").end().bytes();
    }

    private List<Event> eventsFor(String imageId) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.listAll().stream()
                .sorted((a, b) -> Long.compare(a.seq, b.seq))
                .map(row -> EventJson.read(row.payload))
                .filter(e -> e.actor().id().equals(imageId))
                .toList());
    }

    private List<Path> blobFiles() throws IOException {
        if (!Files.isDirectory(paths.blobDir())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(paths.blobDir())) {
            return files.toList();
        }
    }

    @Test
    void importInspectTagAndDeleteWithTheirEvents() throws Exception {
        byte[] tar = layer();
        HttpResponse<byte[]> imported = send("POST", "images/import?repo=api/test&tag=1&changes="
                + q("CMD [\"/bin/tool\"]") + "&changes=" + q("LABEL team=core"), tar);
        assertEquals(200, imported.statusCode(), new String(imported.body()));
        String id = json(imported).get("Id").asText();
        assertTrue(Digest.isValid(id));

        JsonNode inspect = json(send("GET", "images/inspect?ref=" + q("api/test:1"), null));
        assertEquals(id, inspect.get("Id").asText());
        assertEquals("api/test:1", inspect.get("RepoTags").get(0).asText());
        assertEquals("/bin/tool", inspect.get("Config").get("Cmd").get(0).asText());
        assertTrue(inspect.get("Config").get("Env").isNull());
        assertEquals("core", inspect.get("Config").get("Labels").get("team").asText());
        assertEquals(tar.length, inspect.get("Size").asLong());
        String diffId = Digest.of(tar).toString();
        assertEquals(diffId, inspect.get("RootFS").get("Layers").get(0).asText());

        JsonNode layers = json(send("GET", "images/layers?ref=" + id.substring(7, 19), null));
        assertEquals(diffId, layers.get(0).get("digest").asText());
        assertEquals(diffId, layers.get(0).get("diffId").asText());
        HttpResponse<byte[]> blob = send("GET", "blobs/" + diffId, null);
        assertEquals(200, blob.statusCode());
        assertEquals(diffId, blob.headers().firstValue("Docker-Content-Digest").orElseThrow());
        assertTrue(Arrays.equals(tar, blob.body()));
        assertEquals(id, Digest.of(send("GET", "blobs/" + id, null).body()).toString());

        assertEquals(201, send("POST", "images/tag?ref=" + q("api/test:1") + "&repo=" + q("localhost:5000/x"), null)
                .statusCode());
        JsonNode deleted = json(send("DELETE", "images?ref=" + q("api/test:1"), null));
        assertEquals("[{\"Untagged\":\"api/test:1\"}]", deleted.toString());
        deleted = json(send("DELETE", "images?ref=" + q("localhost:5000/x"), null));
        assertEquals("[{\"Untagged\":\"localhost:5000/x:latest\"},{\"Deleted\":\"" + id + "\"},{\"Deleted\":\""
                + diffId + "\"}]", deleted.toString());
        HttpResponse<byte[]> gone = send("GET", "images/inspect?ref=" + q(id), null);
        assertEquals(404, gone.statusCode());
        assertEquals("No such image: " + id, json(gone).get("message").asText());
        assertEquals(404, send("GET", "blobs/" + diffId, null).statusCode());

        List<String> actions = eventsFor(id).stream().map(e -> e.action() + " " + e.actor().attributes().get("name"))
                .toList();
        assertEquals(List.of("tag api/test:1", "import " + id, "tag localhost:5000/x:latest", "untag " + id,
                "untag " + id, "delete " + id), actions);
        Event imported0 = eventsFor(id).get(1);
        assertEquals("image", imported0.type().wireName());
        assertEquals("core", imported0.actor().attributes().get("team"));
    }

    @Test
    void gzipImportsStoreTheUncompressedLayer() throws Exception {
        byte[] tar = new TarBuilder().file("gz-only", "zipped").end().bytes();
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(tar);
        }
        String id = json(send("POST", "images/import?repo=gz", gz.toByteArray())).get("Id").asText();
        JsonNode layers = json(send("GET", "images/layers?ref=" + id, null));
        assertEquals(Digest.of(tar).toString(), layers.get(0).get("digest").asText());
        assertEquals("application/vnd.docker.image.rootfs.diff.tar", layers.get(0).get("mediaType").asText());
        assertEquals(200, send("DELETE", "images?ref=gz", null).statusCode());
    }

    @Test
    void aBrokenArchiveRegistersNothing() throws Exception {
        long imagesBefore = json(send("GET", "info", null)).get("Images").asLong();
        List<Path> blobsBefore = blobFiles();
        byte[] good = new TarBuilder().file("data", "x".repeat(5000)).end().bytes();
        byte[][] bad = {
            Arrays.copyOf(good, 3000),
            new TarBuilder().file("../evil", "x").end().bytes(),
            "not a tar at all".getBytes(StandardCharsets.UTF_8),
            new byte[0],
        };
        for (byte[] body : bad) {
            HttpResponse<byte[]> response = send("POST", "images/import?repo=broken", body);
            assertEquals(400, response.statusCode());
            assertTrue(json(response).get("message").asText().startsWith("invalid tar archive"),
                    new String(response.body()));
        }
        assertEquals(imagesBefore, json(send("GET", "info", null)).get("Images").asLong());
        assertEquals(blobsBefore, blobFiles());
        assertEquals(404, send("GET", "images/inspect?ref=broken", null).statusCode());
    }

    @Test
    void rejectsBadInputWithDockersMessages() throws Exception {
        HttpResponse<byte[]> upper = send("GET", "images/inspect?ref=Busybox", null);
        assertEquals(400, upper.statusCode());
        assertEquals("invalid reference format: repository name (library/Busybox) must be lowercase",
                json(upper).get("message").asText());
        assertEquals("No such image: nosuch:latest", json(send("GET", "images/inspect?ref=nosuch", null))
                .get("message").asText());
        assertEquals(400, send("GET", "blobs/sha256:nothex", null).statusCode());
        assertEquals(400, send("GET", "images/json?filters=" + q("{\"bogus\":[\"x\"]}"), null).statusCode());
        assertEquals(400, send("POST", "images/import?changes=" + q("RUN x"), layer()).statusCode());
    }

    @Test
    void listsWithFilters() throws Exception {
        String id = json(send("POST", "images/import?repo=listed&changes=" + q("LABEL tier=web"), layer()))
                .get("Id").asText();
        JsonNode all = json(send("GET", "images/json?filters=" + q("{\"reference\":{\"listed\":true}}"), null));
        assertEquals(1, all.size());
        assertEquals(id, all.get(0).get("Id").asText());
        assertEquals(-1, all.get(0).get("Containers").asInt());
        assertEquals("web", all.get(0).get("Labels").get("tier").asText());
        JsonNode labelled = json(send("GET", "images/json?filters=" + q("{\"label\":[\"tier=web\"]}"), null));
        assertTrue(labelled.size() >= 1);
        send("DELETE", "images?ref=listed", null);
    }
}
