package io.wharf.image.client.registry;

import java.net.URI;
import java.net.http.HttpClient;

/**
 * One way to reach a registry.
 *
 * @param domain the registry as named in references ({@code 127.0.0.1:5000})
 * @param base   scheme and host to which {@code /v2/...} paths are appended
 * @param http   a client with the TLS settings of this endpoint
 */
public record RegistryEndpoint(String domain, URI base, HttpClient http) {

    public URI resolve(String path) {
        return base.resolve(path);
    }
}
