package io.wharf.image.service.registry;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.wharf.common.error.WharfException;
import io.wharf.image.client.registry.RegistryClient;
import io.wharf.common.error.ErrorKind;
import io.wharf.image.client.registry.RegistryException;
import io.wharf.image.domain.Reference;
import io.wharf.image.domain.registry.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /auth} ({@code docker login}): checks the credentials against the registry (a token from its
 * realm, or {@code /v2/} with basic authentication) and keeps nothing: the CLI stores them and sends them
 * with each pull and push.
 */
@ApplicationScoped
public class LoginService {
    private final RegistryClient registry;

    public LoginService(RegistryClient registry) {
        this.registry = registry;
    }

    @WithSpan
    public void login(AuthConfig auth) {
        String domain = domain(auth.serverAddress());
        try {
            registry.session(domain, auth, List.of()).verifyLogin();
        } catch (RegistryException e) {
            if (e.status() == 401 || e.status() == 403) {
                throw new WharfException(ErrorKind.UNAUTHORIZED, e.getMessage(), e);
            }
            throw e;
        }
    }

    /** The registry domain of a server address as the CLI sends it ({@code https://index.docker.io/v1/}, {@code host:port}). */
    static String domain(String serverAddress) {
        if (serverAddress == null || serverAddress.isBlank()) {
            return Reference.DEFAULT_DOMAIN;
        }
        String s = serverAddress.trim();
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            s = s.substring(scheme + 3);
        }
        int slash = s.indexOf('/');
        if (slash >= 0) {
            s = s.substring(0, slash);
        }
        s = s.toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            throw WharfException.invalid("invalid registry address: " + serverAddress);
        }
        return s.equals("index.docker.io") || s.equals("registry-1.docker.io") ? Reference.DEFAULT_DOMAIN : s;
    }
}
