package io.wharf.image.client.registry;

import io.wharf.image.config.RegistryConfig;
import io.wharf.image.domain.Reference;
import io.wharf.image.domain.registry.InsecureRegistries;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;

/**
 * Where a registry domain is reached: {@code docker.io} at {@code registry-1.docker.io}, anything else
 * at its own host. HTTPS with the system CAs plus the registry's certs.d CAs; an insecure registry
 * (127.0.0.0/8 or configured) is tried over HTTPS without verification, then over plain HTTP, as
 * dockerd orders its endpoints, unless it has a certs.d directory: a registry given CA certificates is
 * always verified with them (stricter than dockerd, which skips verification for insecure registries).
 */
@ApplicationScoped
public class RegistryEndpoints {
    private final RegistryConfig config;
    private final InsecureRegistries insecure;
    private final Map<String, String> lastGood = new ConcurrentHashMap<>();

    public RegistryEndpoints(RegistryConfig config) {
        this.config = config;
        this.insecure = new InsecureRegistries(config.insecure());
    }

    /** The endpoints to try, in order, for a registry domain: the one that answered last time first. */
    public List<RegistryEndpoint> candidates(String domain) {
        List<RegistryEndpoint> endpoints = ordered(domain);
        String preferred = lastGood.get(domain);
        if (preferred != null) {
            endpoints.sort((a, b) -> Boolean.compare(!a.base().getScheme().equals(preferred),
                    !b.base().getScheme().equals(preferred)));
        }
        return endpoints;
    }

    /**
     * Remembers which scheme answered for an insecure registry, so the next call does not wait for a TLS
     * handshake a plain HTTP registry never completes.
     */
    public void answered(RegistryEndpoint endpoint) {
        lastGood.put(endpoint.domain(), endpoint.base().getScheme());
    }

    private List<RegistryEndpoint> ordered(String domain) {
        String host = Reference.DEFAULT_DOMAIN.equals(domain) ? "registry-1.docker.io" : domain;
        List<RegistryEndpoint> endpoints = new ArrayList<>();
        if (insecure.isInsecure(domain) && !Files.isDirectory(config.certsDir().resolve(domain))) {
            endpoints.add(new RegistryEndpoint(domain, URI.create("https://" + host), client(RegistryTls.trustingAll())));
            endpoints.add(new RegistryEndpoint(domain, URI.create("http://" + host), client(null)));
        } else {
            endpoints.add(new RegistryEndpoint(domain, URI.create("https://" + host),
                    client(RegistryTls.verifying(config.certsDir(), domain))));
        }
        return endpoints;
    }

    private static HttpClient client(SSLContext tls) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL);
        if (tls != null) {
            builder.sslContext(tls);
        }
        return builder.build();
    }
}
