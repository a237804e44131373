package io.wharf.volume.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The internal API in one process: in-memory H2, no Kafka (events stay in the outbox). */
@QuarkusTest
class VolumeApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/internal/v1/")
    URI base;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    private static String filters(String json) {
        return URLEncoder.encode(json, StandardCharsets.UTF_8);
    }

    @Test
    void aReferencedVolumeCannotBeRemovedUntilItsContainerReleasesIt() throws Exception {
        HttpResponse<String> created = send("POST", "volumes/create", "{\"Name\":\"apiv1\",\"Labels\":{\"k\":\"v\"}}");
        assertEquals(201, created.statusCode(), created.body());
        String mountpoint = json(created).path("Mountpoint").asText();
        assertTrue(mountpoint.endsWith("/volumes/apiv1/_data"), mountpoint);
        assertTrue(Files.isDirectory(Path.of(mountpoint)));

        String container = "c".repeat(64);
        HttpResponse<String> acquired = send("POST", "volume-usage/" + container,
                "{\"Volumes\":[{\"Name\":\"apiv1\"},{\"Name\":\"\"}]}");
        assertEquals(200, acquired.statusCode(), acquired.body());
        assertFalse(json(acquired).get(0).path("Fresh").asBoolean());
        String anonymous = json(acquired).get(1).path("Name").asText();
        assertEquals(64, anonymous.length());
        assertTrue(json(acquired).get(1).path("Fresh").asBoolean());

        HttpResponse<String> inUse = send("DELETE", "volumes/apiv1", null);
        assertEquals(409, inUse.statusCode());
        assertEquals("remove apiv1: volume is in use - [" + container + "]", json(inUse).path("message").asText());
        assertEquals(409, send("DELETE", "volumes/apiv1?force=1", null).statusCode());
        JsonNode dangling = json(send("GET", "volumes?filters=" + filters("{\"dangling\":[\"false\"]}"), null));
        assertEquals(2, dangling.path("Volumes").size(), dangling.toString());

        HttpResponse<String> released = send("DELETE", "volume-usage/" + container + "?removeAnonymous=true", null);
        assertEquals("[\"" + anonymous + "\"]", json(released).path("Removed").toString());
        assertEquals(404, send("GET", "volumes/" + anonymous, null).statusCode());
        assertEquals(204, send("DELETE", "volumes/apiv1", null).statusCode());
        assertFalse(Files.exists(Path.of(mountpoint).getParent()));
        HttpResponse<String> gone = send("DELETE", "volumes/apiv1", null);
        assertEquals(404, gone.statusCode());
        assertEquals("get apiv1: no such volume", json(gone).path("message").asText());
        assertEquals(204, send("DELETE", "volumes/apiv1?force=true", null).statusCode());
    }

    @Test
    void pruneTakesUnusedAnonymousVolumesUnlessAll() throws Exception {
        send("POST", "volumes/create", "{\"Name\":\"apinamed\"}");
        String anonymous = json(send("POST", "volumes/create", "{}")).path("Name").asText();
        JsonNode pruned = json(send("POST", "volumes/prune", null));
        assertEquals("[\"" + anonymous + "\"]", pruned.path("VolumesDeleted").toString());
        JsonNode all = json(send("POST", "volumes/prune?filters=" + filters("{\"all\":[\"true\"]}"), null));
        assertTrue(all.path("VolumesDeleted").toString().contains("apinamed"), all.toString());
    }

    @Test
    void badRequestsGetDockersErrors() throws Exception {
        HttpResponse<String> bad = send("POST", "volumes/create", "{\"Name\":\"../etc\"}");
        assertEquals(400, bad.statusCode());
        assertTrue(json(bad).path("message").asText().startsWith("create ../etc: \"../etc\" includes invalid characters"));
        HttpResponse<String> option = send("POST", "volumes/create", "{\"Name\":\"apiopt\",\"DriverOpts\":{\"x\":\"y\"}}");
        assertEquals(400, option.statusCode());
        assertEquals("create apiopt: invalid option: \"x\"", json(option).path("message").asText());
        HttpResponse<String> plugin = send("POST", "volumes/create", "{\"Name\":\"apiplug\",\"Driver\":\"nosuchplugin\"}");
        assertEquals(404, plugin.statusCode());
        assertEquals("create apiplug: error looking up volume plugin nosuchplugin: plugin \"nosuchplugin\" not found",
                json(plugin).path("message").asText());
        HttpResponse<String> filter = send("GET", "volumes?filters=" + filters("{\"colour\":[\"red\"]}"), null);
        assertEquals(400, filter.statusCode());
        assertEquals("invalid filter 'colour'", json(filter).path("message").asText());
    }
}
