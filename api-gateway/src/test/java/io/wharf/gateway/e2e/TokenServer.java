package io.wharf.gateway.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A minimal token server for docker-registry's token authentication: answers
 * {@code GET /token?service=&scope=...} with a JWT (RS256, the signing certificate in {@code x5c}) granting
 * the requested repository actions to {@code user}/{@code password}, no access to anonymous callers, and
 * 401 for a wrong password. The registry trusts {@link #certificate()}.
 */
final class TokenServer implements AutoCloseable {
    static final String SERVICE = "wharf-test-registry";
    static final String ISSUER = "wharf-test-issuer";

    private final HttpServer server;
    private final Path dir;
    private final PrivateKey key;
    private final String certificateDer;
    private final String user;
    private final String password;

    private TokenServer(Path dir, String user, String password) throws Exception {
        this.dir = dir;
        this.user = user;
        this.password = password;
        RegistryServer.run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "token.key",
                "-out", "token.crt", "-days", "2", "-subj", "/CN=Wharf test token issuer");
        RegistryServer.run(dir, "openssl", "pkcs8", "-topk8", "-nocrypt", "-in", "token.key", "-outform", "DER", "-out",
                "token.key.der");
        RegistryServer.run(dir, "openssl", "x509", "-in", "token.crt", "-outform", "DER", "-out", "token.crt.der");
        this.key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                Files.readAllBytes(dir.resolve("token.key.der"))));
        this.certificateDer = Base64.getEncoder().encodeToString(Files.readAllBytes(dir.resolve("token.crt.der")));
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/token", this::token);
        server.start();
    }

    static TokenServer start(String user, String password) throws Exception {
        return new TokenServer(Files.createTempDirectory("wharf-token"), user, password);
    }

    String realm() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    Path certificate() {
        return dir.resolve("token.crt");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        server.stop(0);
        RegistryServer.run(Path.of("/"), "rm", "-rf", dir.toString());
    }

    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            boolean authenticated = false;
            if (authorization != null && authorization.startsWith("Basic ")) {
                String pair = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
                if (!pair.equals(user + ":" + password)) {
                    reply(exchange, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"incorrect username or password\"}]}");
                    return;
                }
                authenticated = true;
            }
            List<String> access = new ArrayList<>();
            String query = exchange.getRequestURI().getRawQuery();
            for (String param : query == null ? new String[0] : query.split("&")) {
                if (authenticated && param.startsWith("scope=")) {
                    String[] scope = URLDecoder.decode(param.substring(6), StandardCharsets.UTF_8).split(":");
                    if (scope.length == 3 && scope[0].equals("repository")) {
                        String actions = String.join(",", List.of(scope[2].split(",")).stream()
                                .map(a -> "\"" + a + "\"").toList());
                        access.add("{\"type\":\"repository\",\"name\":\"" + scope[1] + "\",\"actions\":[" + actions + "]}");
                    }
                }
            }
            reply(exchange, 200, "{\"token\":\"" + jwt(authenticated ? user : "", access) + "\"}");
        } catch (Exception e) {
            reply(exchange, 500, "{}");
        }
    }

    private String jwt(String subject, List<String> access) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String header = "{\"typ\":\"JWT\",\"alg\":\"RS256\",\"x5c\":[\"" + certificateDer + "\"]}";
        String claims = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + subject + "\",\"aud\":\"" + SERVICE + "\",\"exp\":"
                + (now + 300) + ",\"nbf\":" + (now - 10) + ",\"iat\":" + now + ",\"jti\":\"" + UUID.randomUUID()
                + "\",\"access\":[" + String.join(",", access) + "]}";
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64.encodeToString(rsa.sign());
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
