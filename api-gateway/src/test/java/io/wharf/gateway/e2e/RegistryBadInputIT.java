package io.wharf.gateway.e2e;

import static io.wharf.gateway.e2e.DockerCli.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pulls from a misbehaving registry (a small server in the test): a layer that does not hash to its
 * digest, a manifest that is not the digest asked for, an unknown manifest type, a connection dropped in
 * the middle of a layer, a layer whose content is not the config's diff id. Each fails with a clear
 * message, and nothing is registered: no image, no blob.
 */
class RegistryBadInputIT {
    private static HttpServer server;
    private static String address;
    private static byte[] layer;
    private static String layerDigest;
    private static String diffId;

    @BeforeAll
    static void start() throws Exception {
        byte[] tar = tarOfOneFile();
        diffId = sha256(tar);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(tar);
        }
        layer = gz.toByteArray();
        layerDigest = sha256(layer);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/v2/", RegistryBadInputIT::handle);
        server.start();
        address = "127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Repositories: bad/corrupt, bad/drop, bad/unknown, bad/diffid; anything else 404. */
    private static void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String[] parts = path.split("/");
        try (exchange) {
            if (path.equals("/v2/")) {
                send(exchange, 200, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
            } else if (path.contains("/manifests/")) {
                String repo = parts[3];
                if (repo.equals("unknown")) {
                    send(exchange, 200, "application/vnd.example.unknown+json",
                            "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.example.unknown+json\"}"
                                    .getBytes(StandardCharsets.UTF_8));
                } else {
                    send(exchange, 200, "application/vnd.docker.distribution.manifest.v2+json", manifest(repo));
                }
            } else if (path.contains("/blobs/")) {
                String repo = parts[3];
                String digest = parts[parts.length - 1];
                if (digest.equals(layerDigest)) {
                    serveLayer(exchange, repo);
                } else if (digest.equals(sha256(config(repo)))) {
                    send(exchange, 200, "application/octet-stream", config(repo));
                } else {
                    send(exchange, 404, "application/json", "{\"errors\":[{\"code\":\"BLOB_UNKNOWN\",\"message\":\"blob unknown to registry\"}]}".getBytes(StandardCharsets.UTF_8));
                }
            } else {
                send(exchange, 404, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static void serveLayer(HttpExchange exchange, String repo) throws IOException {
        byte[] body = layer.clone();
        if (repo.equals("corrupt")) {
            body[body.length / 2] ^= 0x55;
        }
        if (repo.equals("drop")) {
            exchange.sendResponseHeaders(200, body.length);
            OutputStream out = exchange.getResponseBody();
            out.write(body, 0, body.length / 2);
            out.flush();
            // the server closes the connection of a handler that fails: the client sees it end early
            throw new IllegalStateException("connection dropped on purpose");
        }
        send(exchange, 200, "application/octet-stream", body);
    }

    private static byte[] config(String repo) {
        String diff = repo.equals("diffid") ? "sha256:" + "0".repeat(64) : diffId;
        return ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{},\"rootfs\":{\"type\":\"layers\","
                + "\"diff_ids\":[\"" + diff + "\"]},\"created\":\"2026-01-01T00:00:00Z\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] manifest(String repo) {
        byte[] config = config(repo);
        return ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.docker.container.image.v1+json\",\"size\":" + config.length
                + ",\"digest\":\"" + sha256(config) + "\"},\"layers\":[{\"mediaType\":"
                + "\"application/vnd.docker.image.rootfs.diff.tar.gzip\",\"size\":" + layer.length + ",\"digest\":\""
                + layerDigest + "\"}]}").getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.getResponseHeaders().set("Content-Length", String.valueOf(body.length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static byte[] tarOfOneFile() throws Exception {
        Path dir = Files.createTempDirectory("wharf-bad-layer");
        try {
            Files.writeString(dir.resolve("hello.txt"), "hello from a misbehaving registry\n");
            Process p = new ProcessBuilder("tar", "--numeric-owner", "-C", dir.toString(), "-cf", "-", "hello.txt").start();
            byte[] tar = p.getInputStream().readAllBytes();
            assertEquals(0, p.waitFor());
            return tar;
        } finally {
            Files.deleteIfExists(dir.resolve("hello.txt"));
            Files.deleteIfExists(dir);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The pull fails with {@code message}, and neither the image nor any of its blobs was kept. */
    private static void failsCleanly(String ref, String message) throws IOException {
        DockerCli.Result pull = docker("pull", ref);
        assertEquals(1, pull.exitCode(), pull.out());
        assertTrue(pull.err().contains(message) || pull.out().contains(message), pull.out() + pull.err());
        assertNotEquals(0, docker("image", "inspect", ref).exitCode(), "no image registered for " + ref);
        String dataRoot = System.getenv("WHARF_DATA_ROOT");
        if (dataRoot != null) {
            Path blobs = Path.of(dataRoot, "image-service", "blobs", "sha256");
            assertFalse(Files.exists(blobs.resolve(layerDigest.substring(7))), "no layer blob kept for " + ref);
        }
    }

    @Test
    void aLayerThatDoesNotMatchItsDigestIsRefused() throws IOException {
        failsCleanly(address + "/bad/corrupt:1", "filesystem layer verification failed for digest " + layerDigest);
    }

    @Test
    void aManifestThatIsNotTheDigestAskedForIsRefused() throws IOException {
        String wrong = "sha256:" + "1".repeat(64);
        failsCleanly(address + "/bad/corrupt@" + wrong, "manifest verification failed for digest " + wrong);
    }

    @Test
    void anUnknownManifestTypeIsRefused() throws IOException {
        failsCleanly(address + "/bad/unknown:1",
                "unsupported manifest media type and no default available: application/vnd.example.unknown+json");
    }

    @Test
    void aConnectionDroppedInTheMiddleOfALayerFailsThePull() throws IOException {
        failsCleanly(address + "/bad/drop:1", "failed to download layer " + layerDigest);
    }

    @Test
    void aLayerWhoseContentIsNotTheConfigsDiffIdIsRefused() throws IOException {
        failsCleanly(address + "/bad/diffid:1", "failed to register layer");
    }
}
