package io.wharf.container.client;

import io.wharf.common.error.ErrorKind;
import io.wharf.common.error.WharfException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Streams blobs from image-service to files ({@code GET /internal/v1/blobs/<digest>}). A plain JDK
 * client: layer blobs can be large and must not be buffered in memory.
 */
@ApplicationScoped
public class BlobFetcher {
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public BlobFetcher(@ConfigProperty(name = "quarkus.rest-client.image-service.url") String baseUrl) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    }

    /** Writes the blob to {@code target} (replacing it); the caller verifies the digest. */
    public void fetch(String digest, Path target) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("internal/v1/blobs/" + digest)).GET().build();
        try {
            HttpResponse<Path> response = http.send(request, HttpResponse.BodyHandlers.ofFile(target));
            if (response.statusCode() != 200) {
                String body = Files.readString(target);
                Files.deleteIfExists(target);
                throw new WharfException(ErrorKind.fromHttpStatus(response.statusCode()),
                        "cannot fetch blob " + digest + " from image-service: " + response.statusCode() + " " + body);
            }
        } catch (IOException e) {
            throw new WharfException(ErrorKind.UNAVAILABLE, "cannot fetch blob " + digest + " from image-service: "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw WharfException.system("interrupted while fetching blob " + digest, e);
        }
    }
}
