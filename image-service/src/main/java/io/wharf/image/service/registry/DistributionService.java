package io.wharf.image.service.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.wharf.common.error.ErrorKind;
import io.wharf.common.error.WharfException;
import io.wharf.image.client.registry.FetchedManifest;
import io.wharf.image.client.registry.RegistryClient;
import io.wharf.image.client.registry.RegistryException;
import io.wharf.image.client.registry.RegistrySession;
import io.wharf.image.domain.Reference;
import io.wharf.image.domain.registry.AuthConfig;
import io.wharf.image.domain.registry.Descriptor;
import io.wharf.image.domain.registry.Manifest;
import io.wharf.image.domain.registry.ManifestFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code GET /distribution/{name}/json}: the manifest descriptor a registry serves for a reference, and
 * the platforms it offers (from an index's entries, or from the single image's config).
 */
@ApplicationScoped
public class DistributionService {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final RegistryClient registry;

    public DistributionService(RegistryClient registry) {
        this.registry = registry;
    }

    @WithSpan
    public Map<String, Object> inspect(String name, AuthConfig auth) {
        Reference ref = Reference.parse(name);
        if (!ref.hasDigest() && ref.tag() == null) {
            ref = ref.withDefaultTag();
        }
        RegistrySession session = registry.session(ref.domain(), auth,
                List.of(RegistryClient.scope(ref.path(), "pull")));
        FetchedManifest fetched;
        try {
            fetched = registry.manifest(session, ref.path(), ref.hasDigest() ? ref.digest() : ref.tag());
        } catch (RegistryException e) {
            throw PullService.translate(e, ref);
        }
        Manifest manifest;
        try {
            manifest = Manifest.parse(fetched.contentType(), fetched.body());
        } catch (ManifestFormatException e) {
            throw new WharfException(ErrorKind.SYSTEM, e.getMessage(), e);
        }
        Map<String, Object> descriptor = new LinkedHashMap<>();
        descriptor.put("mediaType", manifest.mediaType());
        descriptor.put("digest", fetched.digest().toString());
        descriptor.put("size", fetched.body().length);
        List<Map<String, Object>> platforms = new ArrayList<>();
        if (manifest.isIndex()) {
            for (Descriptor entry : manifest.entries()) {
                platforms.add(platform(entry.architecture(), entry.os(), entry.variant()));
            }
        } else {
            JsonNode config = config(session, ref, manifest.config());
            platforms.add(platform(config.path("architecture").asText(""), config.path("os").asText(""),
                    config.path("variant").asText(null)));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("Descriptor", descriptor);
        answer.put("Platforms", platforms);
        return answer;
    }

    private JsonNode config(RegistrySession session, Reference ref, Descriptor config) {
        HttpResponse<InputStream> response = registry.blob(session, ref.path(), config.digest());
        try (InputStream in = response.body()) {
            return MAPPER.readTree(in.readNBytes(16 << 20));
        } catch (IOException e) {
            throw new WharfException(ErrorKind.SYSTEM, "cannot read the image config: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> platform(String architecture, String os, String variant) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("architecture", architecture == null ? "" : architecture);
        p.put("os", os == null ? "" : os);
        if (variant != null && !variant.isEmpty()) {
            p.put("variant", variant);
        }
        return p;
    }
}
