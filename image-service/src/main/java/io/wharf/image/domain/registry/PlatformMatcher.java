package io.wharf.image.domain.registry;

import java.util.List;
import java.util.Optional;

/** Picks the entry of a manifest list or OCI index for a platform ({@code os/arch[/variant]}, linux/amd64 by default). */
public final class PlatformMatcher {
    private final String os;
    private final String architecture;
    private final String variant;

    private PlatformMatcher(String os, String architecture, String variant) {
        this.os = os;
        this.architecture = architecture;
        this.variant = variant;
    }

    public static PlatformMatcher of(String platform) {
        if (platform == null || platform.isBlank()) {
            return new PlatformMatcher("linux", "amd64", null);
        }
        String[] parts = platform.trim().toLowerCase(java.util.Locale.ROOT).split("/");
        String arch = parts.length > 1 ? parts[1] : "amd64";
        if (arch.equals("x86_64") || arch.equals("x86-64")) {
            arch = "amd64";
        }
        return new PlatformMatcher(parts[0], arch, parts.length > 2 ? parts[2] : null);
    }

    public Optional<Descriptor> choose(List<Descriptor> entries) {
        return entries.stream()
                .filter(d -> os.equals(d.os()) && architecture.equals(d.architecture()))
                .filter(d -> variant == null || variant.equals(d.variant()))
                .findFirst();
    }

    @Override
    public String toString() {
        return os + "/" + architecture + (variant == null ? "" : "/" + variant);
    }
}
