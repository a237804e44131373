package io.wharf.image.client.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wharf.common.error.ErrorKind;
import io.wharf.common.error.WharfException;
import io.wharf.image.domain.registry.AuthChallenge;
import io.wharf.image.domain.registry.AuthConfig;
import io.wharf.image.domain.registry.RegistryErrors;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * An authenticated conversation with one registry for some repository scopes: pings {@code /v2/},
 * follows the {@code WWW-Authenticate} challenge (basic with the client's credentials, or a bearer token
 * from the challenge's realm for {@code repository:<name>:<actions>}), then sends every request with
 * that authorization, renewing a bearer token once if the registry rejects it.
 */
public final class RegistrySession {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);

    private final RegistryEndpoint endpoint;
    private final AuthConfig auth;
    private final List<String> scopes;
    private AuthChallenge challenge;
    private String authorization;

    private RegistrySession(RegistryEndpoint endpoint, AuthConfig auth, List<String> scopes) {
        this.endpoint = endpoint;
        this.auth = auth;
        this.scopes = List.copyOf(scopes);
    }

    /**
     * Opens a session on the first endpoint that answers; {@code scopes} are token scopes such as
     * {@code repository:x/y:pull,push}.
     */
    public static RegistrySession open(List<RegistryEndpoint> candidates, AuthConfig auth, List<String> scopes) {
        WharfException last = null;
        for (RegistryEndpoint endpoint : candidates) {
            RegistrySession session = new RegistrySession(endpoint, auth, scopes);
            try {
                session.ping();
                return session;
            } catch (WharfException e) {
                last = e;
            }
        }
        throw last;
    }

    public RegistryEndpoint endpoint() {
        return endpoint;
    }

    /** The challenge the registry answered {@code /v2/} with, or null when it needs no authentication. */
    public AuthChallenge challenge() {
        return challenge;
    }

    private void ping() {
        URI uri = endpoint.resolve("/v2/");
        HttpResponse<byte[]> response = exchange(HttpRequest.newBuilder(uri).GET(), HttpResponse.BodyHandlers.ofByteArray(),
                "GET");
        if (response.statusCode() == 401) {
            List<AuthChallenge> challenges = AuthChallenge.parse(response.headers().allValues("WWW-Authenticate"));
            challenge = challenges.stream().filter(AuthChallenge::isBearer).findFirst()
                    .or(() -> challenges.stream().filter(AuthChallenge::isBasic).findFirst())
                    .orElse(null);
            authorization = authorize();
        } else if (response.statusCode() / 100 != 2 && response.statusCode() != 404) {
            throw new RegistryException(ErrorKind.SYSTEM, response.statusCode(), null, "Get \"" + uri
                    + "\": received unexpected HTTP status: " + statusLine(response.statusCode()));
        }
    }

    /** Checks that these credentials are accepted (docker login): a token for the registry, or /v2/ with basic. */
    public void verifyLogin() {
        if (challenge == null) {
            return;
        }
        URI uri = endpoint.resolve("/v2/");
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri).GET(), HttpResponse.BodyHandlers.ofByteArray(),
                "GET");
        if (response.statusCode() == 401) {
            throw new WharfException(ErrorKind.UNAUTHORIZED, "login attempt to " + uri + " failed with status: "
                    + statusLine(401));
        }
    }

    private String authorize() {
        if (challenge == null) {
            return null;
        }
        if (challenge.isBasic()) {
            return auth.hasCredentials() ? auth.basic() : null;
        }
        return "Bearer " + fetchToken();
    }

    private String fetchToken() {
        String realm = challenge.parameter("realm");
        if (realm == null || realm.isEmpty()) {
            throw new WharfException(ErrorKind.SYSTEM, "bearer challenge of " + endpoint.domain() + " has no realm");
        }
        StringBuilder query = new StringBuilder();
        String service = challenge.parameter("service");
        if (service != null) {
            query.append("service=").append(URLEncoder.encode(service, StandardCharsets.UTF_8));
        }
        for (String scope : scopes) {
            query.append(query.length() > 0 ? "&" : "").append("scope=")
                    .append(URLEncoder.encode(scope, StandardCharsets.UTF_8));
        }
        if (auth.hasCredentials()) {
            query.append(query.length() > 0 ? "&" : "").append("account=")
                    .append(URLEncoder.encode(auth.username(), StandardCharsets.UTF_8));
        }
        URI uri = URI.create(realm + (query.length() == 0 ? "" : (realm.contains("?") ? "&" : "?") + query));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (auth.hasCredentials()) {
            request.header("Authorization", auth.basic());
        }
        HttpResponse<byte[]> response = exchange(request, HttpResponse.BodyHandlers.ofByteArray(), "GET");
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new RegistryException(ErrorKind.SYSTEM, response.statusCode(),
                    RegistryErrors.parse(response.body()).orElse(null), "Get \"" + uri + "\": unauthorized: "
                            + RegistryErrors.parse(response.body()).map(RegistryErrors::message)
                                    .filter(m -> !m.isEmpty()).orElse("authentication required"));
        }
        if (response.statusCode() != 200) {
            throw new RegistryException(ErrorKind.SYSTEM, response.statusCode(), null, "Get \"" + uri
                    + "\": received unexpected HTTP status: " + statusLine(response.statusCode()));
        }
        try {
            JsonNode body = MAPPER.readTree(response.body());
            String token = body.path("token").asText(body.path("access_token").asText(""));
            if (token.isEmpty()) {
                throw new WharfException(ErrorKind.SYSTEM, "authorization server did not include a token in the response");
            }
            return token;
        } catch (IOException e) {
            throw new WharfException(ErrorKind.SYSTEM, "unable to decode token response: " + e.getMessage(), e);
        }
    }

    /** Sends a request for a {@code /v2/...} path (or an absolute upload location) with this session's authorization. */
    public <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler, String method) {
        if (authorization != null) {
            request.setHeader("Authorization", authorization);
        }
        HttpResponse<T> response = exchange(request, handler, method);
        if (response.statusCode() == 401 && challenge != null && challenge.isBearer() && request.build().bodyPublisher()
                .map(p -> p.contentLength() >= 0).orElse(true)) {
            close(response);
            authorization = authorize();
            request.setHeader("Authorization", authorization);
            response = exchange(request, handler, method);
        }
        if (response.statusCode() == 401 && authorization == null && challenge != null && challenge.isBasic()) {
            close(response);
            throw new WharfException(ErrorKind.SYSTEM, capitalized(method) + " \"" + request.build().uri()
                    + "\": no basic auth credentials");
        }
        return response;
    }

    public URI resolve(String pathOrLocation) {
        return endpoint.resolve(pathOrLocation);
    }

    private <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler,
            String method) {
        HttpRequest built = request.timeout(REQUEST_TIMEOUT).setHeader("User-Agent", "wharf/0.1 (docker compatible)")
                .build();
        try {
            return endpoint.http().send(built, handler);
        } catch (SSLException e) {
            String reason = String.valueOf(e.getMessage());
            if (reason.contains("PKIX") || reason.contains("unable to find valid certification path")) {
                reason = "x509: certificate signed by unknown authority";
            } else if (reason.contains("No subject alternative") || reason.contains("No name matching")) {
                reason = "x509: certificate is not valid for " + built.uri().getHost();
            }
            throw new WharfException(ErrorKind.SYSTEM, capitalized(method) + " \"" + built.uri() + "\": " + reason, e);
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (e instanceof java.net.ConnectException) {
                reason = resolvable(built.uri().getHost())
                        ? "dial tcp " + built.uri().getHost() + ":" + port(built.uri()) + ": connect: connection refused"
                        : "dial tcp: lookup " + built.uri().getHost() + ": no such host";
            }
            throw new WharfException(ErrorKind.SYSTEM, capitalized(method) + " \"" + built.uri() + "\": " + reason, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WharfException(ErrorKind.SYSTEM, "interrupted", e);
        }
    }

    private static boolean resolvable(String host) {
        try {
            java.net.InetAddress.getAllByName(host);
            return true;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    private static String capitalized(String method) {
        String lower = method.toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    static void close(HttpResponse<?> response) {
        if (response.body() instanceof InputStream in) {
            try {
                in.close();
            } catch (IOException e) {
                // nothing to release
            }
        }
    }

    /** {@code 404 Not Found}, as Go prints a status. */
    public static String statusLine(int status) {
        String text = switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 416 -> "Requested Range Not Satisfiable";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "";
        };
        return text.isEmpty() ? String.valueOf(status) : status + " " + text;
    }
}
