package io.wharf.container.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wharf.common.error.ErrorKind;
import io.wharf.common.error.WharfException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends a committed container's layer to image-service ({@code POST /internal/v1/images/commit}), which
 * stores it and creates the image. A plain JDK client: the layer is streamed from a file.
 */
@ApplicationScoped
public class ImageCommitClient {
    /** The header carrying the container's Config (base64 JSON): too large for a query string. */
    public static final String CONFIG_HEADER = "X-Wharf-Container-Config";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What to commit: the parent image, the container and Docker's commit options. */
    public record Request(String parentImageId, String containerId, String repo, String tag, String comment,
            String author, List<String> changes, String containerConfigJson) {
    }

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public ImageCommitClient(@ConfigProperty(name = "quarkus.rest-client.image-service.url") String baseUrl) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    }

    /** The new image's id. */
    public String commit(Request r, Path layerTar) {
        StringBuilder q = new StringBuilder("internal/v1/images/commit?parent=").append(enc(r.parentImageId()))
                .append("&container=").append(enc(r.containerId()));
        append(q, "repo", r.repo());
        append(q, "tag", r.tag());
        append(q, "comment", r.comment());
        append(q, "author", r.author());
        if (r.changes() != null) {
            r.changes().forEach(c -> append(q, "changes", c));
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(base.resolve(q.toString()))
                    .header("Content-Type", "application/x-tar")
                    .header(CONFIG_HEADER, Base64.getEncoder().encodeToString(
                            r.containerConfigJson().getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofFile(layerTar)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
            if (response.statusCode() / 100 != 2) {
                throw new WharfException(ErrorKind.fromHttpStatus(response.statusCode()),
                        body.path("message").asText("image-service answered " + response.statusCode()));
            }
            return body.path("Id").asText();
        } catch (IOException e) {
            throw new WharfException(ErrorKind.UNAVAILABLE, "image-service is unavailable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw WharfException.system("interrupted while committing", e);
        }
    }

    private static void append(StringBuilder q, String key, String value) {
        if (value != null && !value.isEmpty()) {
            q.append('&').append(key).append('=').append(enc(value));
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
