package io.wharf.image.client.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wharf.common.error.ErrorKind;
import io.wharf.common.error.WharfException;
import io.wharf.image.domain.Digest;
import io.wharf.image.domain.registry.AuthConfig;
import io.wharf.image.domain.registry.ManifestTypes;
import io.wharf.image.domain.registry.RegistryErrors;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Registry HTTP API v2 calls Wharf makes, on a {@link RegistrySession}: manifests, tags, blobs,
 * blob uploads (cross-repository mount, chunked PATCH or monolithic PUT) and manifest upload. Every
 * non-success answer becomes a {@link RegistryException} with the registry's error code.
 */
@ApplicationScoped
public class RegistryClient {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final RegistryEndpoints endpoints;

    public RegistryClient(RegistryEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    /** Opens a session for {@code domain} with token scopes for {@code repository:<path>:<actions>}. */
    public RegistrySession session(String domain, AuthConfig auth, List<String> scopes) {
        RegistrySession session = RegistrySession.open(endpoints.candidates(domain), auth, scopes);
        endpoints.answered(session.endpoint());
        return session;
    }

    public static String scope(String repository, String actions) {
        return "repository:" + repository + ":" + actions;
    }

    /** GET a manifest by tag or digest, verified when a digest is known. */
    public FetchedManifest manifest(RegistrySession session, String repository, String reference) {
        URI uri = session.resolve("/v2/" + repository + "/manifests/" + reference);
        HttpResponse<byte[]> response = session.send(HttpRequest.newBuilder(uri).GET()
                .header("Accept", ManifestTypes.ACCEPT), HttpResponse.BodyHandlers.ofByteArray(), "GET");
        check(response, "GET", uri, response.body());
        byte[] body = response.body();
        Digest actual = Digest.of(body);
        if (Digest.isValid(reference) && !actual.toString().equals(reference)) {
            throw new WharfException(ErrorKind.SYSTEM, "manifest verification failed for digest " + reference);
        }
        Optional<String> header = response.headers().firstValue("Docker-Content-Digest");
        if (header.isPresent() && Digest.isValid(header.get()) && !header.get().equals(actual.toString())
                && !Digest.isValid(reference)) {
            throw new WharfException(ErrorKind.SYSTEM, "manifest verification failed for digest " + header.get());
        }
        return new FetchedManifest(body, response.headers().firstValue("Content-Type").orElse(""), actual);
    }

    /** Every tag of a repository (following the registry's Link pagination). */
    public List<String> tags(RegistrySession session, String repository) {
        List<String> tags = new ArrayList<>();
        String next = "/v2/" + repository + "/tags/list";
        while (next != null) {
            URI uri = session.resolve(next);
            HttpResponse<byte[]> response = session.send(HttpRequest.newBuilder(uri).GET(),
                    HttpResponse.BodyHandlers.ofByteArray(), "GET");
            check(response, "GET", uri, response.body());
            try {
                JsonNode names = MAPPER.readTree(response.body()).path("tags");
                names.forEach(t -> tags.add(t.asText()));
            } catch (IOException e) {
                throw new WharfException(ErrorKind.SYSTEM, "invalid tag list from " + uri + ": " + e.getMessage(), e);
            }
            next = response.headers().firstValue("Link").map(RegistryClient::linkTarget).orElse(null);
        }
        return tags;
    }

    private static String linkTarget(String link) {
        int start = link.indexOf('<');
        int end = link.indexOf('>');
        return start >= 0 && end > start ? link.substring(start + 1, end) : null;
    }

    /** GET a blob: the open response (200), whose body the caller reads and closes. */
    public HttpResponse<InputStream> blob(RegistrySession session, String repository, Digest digest) {
        URI uri = session.resolve("/v2/" + repository + "/blobs/" + digest);
        HttpResponse<InputStream> response = session.send(HttpRequest.newBuilder(uri).GET(),
                HttpResponse.BodyHandlers.ofInputStream(), "GET");
        if (response.statusCode() != 200) {
            byte[] body = readAll(response.body());
            check(response, "GET", uri, body);
        }
        return response;
    }

    /** HEAD a blob: whether the registry has it in this repository. */
    public boolean blobExists(RegistrySession session, String repository, Digest digest) {
        URI uri = session.resolve("/v2/" + repository + "/blobs/" + digest);
        HttpResponse<Void> response = session.send(HttpRequest.newBuilder(uri).method("HEAD",
                HttpRequest.BodyPublishers.noBody()), HttpResponse.BodyHandlers.discarding(), "HEAD");
        if (response.statusCode() == 200) {
            return true;
        }
        if (response.statusCode() == 404) {
            return false;
        }
        check(response, "HEAD", uri, new byte[0]);
        return false;
    }

    /**
     * Starts an upload; with {@code mountFrom}, asks for a cross-repository mount first. Empty when the
     * blob was mounted (nothing to upload), else the upload location.
     */
    public Optional<URI> startUpload(RegistrySession session, String repository, Digest digest, String mountFrom) {
        String path = "/v2/" + repository + "/blobs/uploads/";
        if (mountFrom != null) {
            path += "?mount=" + digest + "&from=" + URLEncoder.encode(mountFrom, StandardCharsets.UTF_8);
        }
        URI uri = session.resolve(path);
        HttpResponse<byte[]> response = session.send(HttpRequest.newBuilder(uri)
                .POST(HttpRequest.BodyPublishers.noBody()), HttpResponse.BodyHandlers.ofByteArray(), "POST");
        if (response.statusCode() == 201 && mountFrom != null) {
            return Optional.empty();
        }
        if (response.statusCode() != 202) {
            check(response, "POST", uri, response.body());
            throw unexpected("POST", uri, response.statusCode());
        }
        return Optional.of(location(session, uri, response));
    }

    /** PATCH the whole content as one streamed chunk; returns the next location. */
    public URI uploadChunk(RegistrySession session, URI location, Supplier<InputStream> content) {
        HttpResponse<byte[]> response = session.send(HttpRequest.newBuilder(location)
                .method("PATCH", HttpRequest.BodyPublishers.ofInputStream(content))
                .header("Content-Type", "application/octet-stream"), HttpResponse.BodyHandlers.ofByteArray(), "PATCH");
        if (response.statusCode() != 202 && response.statusCode() != 204) {
            check(response, "PATCH", location, response.body());
            throw unexpected("PATCH", location, response.statusCode());
        }
        return location(session, location, response);
    }

    /** PUT {@code ?digest=} to finish an upload, with the (rest of the) content or none. */
    public void completeUpload(RegistrySession session, URI location, Digest digest, byte[] content) {
        String separator = location.getRawQuery() == null ? "?" : "&";
        URI uri = URI.create(location + separator + "digest=" + digest);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .PUT(content == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(content))
                .header("Content-Type", "application/octet-stream");
        HttpResponse<byte[]> response = session.send(request, HttpResponse.BodyHandlers.ofByteArray(), "PUT");
        if (response.statusCode() != 201 && response.statusCode() != 204) {
            check(response, "PUT", uri, response.body());
            throw unexpected("PUT", uri, response.statusCode());
        }
    }

    /** Abandons an upload (best effort). */
    public void cancelUpload(RegistrySession session, URI location) {
        try {
            session.send(HttpRequest.newBuilder(location).DELETE(), HttpResponse.BodyHandlers.discarding(), "DELETE");
        } catch (RuntimeException e) {
            // the registry expires abandoned uploads
        }
    }

    /** PUT a manifest under a tag; returns its digest. */
    public Digest putManifest(RegistrySession session, String repository, String tag, String mediaType, byte[] body) {
        URI uri = session.resolve("/v2/" + repository + "/manifests/" + tag);
        HttpResponse<byte[]> response = session.send(HttpRequest.newBuilder(uri)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", mediaType),
                HttpResponse.BodyHandlers.ofByteArray(), "PUT");
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            check(response, "PUT", uri, response.body());
            throw unexpected("PUT", uri, response.statusCode());
        }
        return Digest.of(body);
    }

    private static URI location(RegistrySession session, URI request, HttpResponse<?> response) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new WharfException(ErrorKind.SYSTEM, "registry gave no upload location for " + request));
        return request.resolve(location);
    }

    /** Throws the registry's error for a non-2xx answer. */
    static void check(HttpResponse<?> response, String method, URI uri, byte[] body) {
        int status = response.statusCode();
        if (status / 100 == 2) {
            return;
        }
        Optional<RegistryErrors> error = RegistryErrors.parse(body);
        ErrorKind kind = switch (status) {
            case 404 -> ErrorKind.NOT_FOUND;
            case 400 -> ErrorKind.INVALID_PARAMETER;
            default -> ErrorKind.SYSTEM;
        };
        String message = error.map(RegistryErrors::toString).orElse("received unexpected HTTP status: "
                + RegistrySession.statusLine(status));
        throw new RegistryException(kind, status, error.orElse(null), message);
    }

    private static WharfException unexpected(String method, URI uri, int status) {
        return new WharfException(ErrorKind.SYSTEM, method + " " + uri + ": unexpected status "
                + RegistrySession.statusLine(status));
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readNBytes(64 * 1024);
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
