package io.wharf.image.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How image-service talks to registries: which ones are insecure (plain HTTP or unverified TLS allowed;
 * dockerd's {@code --insecure-registry}, 127.0.0.0/8 always), where per-registry CA certificates live
 * ({@code <certs-dir>/<host:port>/ca.crt}, read at each pull or push, as {@code /etc/docker/certs.d}),
 * and how many layers move at once (dockerd's max-concurrent-downloads / -uploads).
 */
@ApplicationScoped
public class RegistryConfig {
    private final List<String> insecure;
    private final Path certsDir;
    private final int maxDownloads;
    private final int maxUploads;

    public RegistryConfig(@ConfigProperty(name = "wharf.registry.insecure") Optional<List<String>> insecure,
            @ConfigProperty(name = "wharf.registry.certs-dir") Optional<String> certsDir,
            @ConfigProperty(name = "wharf.data-root") String dataRoot,
            @ConfigProperty(name = "wharf.registry.max-concurrent-downloads", defaultValue = "3") int maxDownloads,
            @ConfigProperty(name = "wharf.registry.max-concurrent-uploads", defaultValue = "5") int maxUploads) {
        this.insecure = insecure.orElse(List.of()).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        this.certsDir = certsDir.filter(s -> !s.isBlank()).map(Path::of)
                .orElse(Path.of(dataRoot).toAbsolutePath().resolve("certs.d"));
        this.maxDownloads = Math.max(1, maxDownloads);
        this.maxUploads = Math.max(1, maxUploads);
    }

    public List<String> insecure() {
        return insecure;
    }

    public Path certsDir() {
        return certsDir;
    }

    public int maxDownloads() {
        return maxDownloads;
    }

    public int maxUploads() {
        return maxUploads;
    }
}
