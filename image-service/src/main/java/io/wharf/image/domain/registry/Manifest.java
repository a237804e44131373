package io.wharf.image.domain.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.image.domain.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A manifest as a registry serves it: either an image manifest (config + layers, Docker schema 2 or
 * OCI) or an index (Docker manifest list or OCI index) of per-platform manifests. Parsing checks the
 * shape; anything else is a {@link ManifestFormatException} with Docker's message.
 */
public record Manifest(String mediaType, Descriptor config, List<Descriptor> layers, List<Descriptor> entries) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public boolean isIndex() {
        return ManifestTypes.INDEXES.contains(mediaType);
    }

    /**
     * Parses a manifest; {@code contentType} is the registry's Content-Type, the body's own
     * {@code mediaType} wins when present (OCI manifests may omit it).
     */
    public static Manifest parse(String contentType, byte[] body) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new ManifestFormatException("invalid manifest: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ManifestFormatException("invalid manifest: not a JSON object");
        }
        String type = root.path("mediaType").asText("");
        if (type.isEmpty()) {
            type = contentType == null ? "" : contentType.split(";")[0].trim();
        }
        if (type.isEmpty() || type.equals("application/json")) {
            type = root.has("manifests") ? ManifestTypes.OCI_INDEX
                    : root.has("config") ? ManifestTypes.OCI_MANIFEST : type;
        }
        if (ManifestTypes.INDEXES.contains(type)) {
            return new Manifest(type, null, List.of(), descriptors(root.path("manifests"), true));
        }
        if (ManifestTypes.IMAGES.contains(type)) {
            if (root.path("schemaVersion").asInt() != 2) {
                throw new ManifestFormatException("unsupported manifest format: schemaVersion "
                        + root.path("schemaVersion").asText());
            }
            return new Manifest(type, descriptor(root.path("config"), false), descriptors(root.path("layers"), false),
                    List.of());
        }
        throw new ManifestFormatException("unsupported manifest media type and no default available: " + type);
    }

    private static List<Descriptor> descriptors(JsonNode array, boolean withPlatform) {
        if (!array.isArray()) {
            throw new ManifestFormatException("invalid manifest: missing " + (withPlatform ? "manifests" : "layers"));
        }
        List<Descriptor> out = new ArrayList<>();
        for (JsonNode node : array) {
            out.add(descriptor(node, withPlatform));
        }
        return List.copyOf(out);
    }

    private static Descriptor descriptor(JsonNode node, boolean withPlatform) {
        String digest = node.path("digest").asText(null);
        if (!Digest.isValid(digest)) {
            throw new ManifestFormatException("invalid manifest: unsupported or invalid digest " + digest);
        }
        long size = node.path("size").asLong(-1);
        if (size < 0) {
            throw new ManifestFormatException("invalid manifest: missing size of " + digest);
        }
        Digest parsed = new Digest(digest.substring(Digest.PREFIX.length()));
        String mediaType = node.path("mediaType").asText("");
        if (!withPlatform) {
            return Descriptor.of(mediaType, parsed, size);
        }
        JsonNode platform = node.path("platform");
        return new Descriptor(mediaType, parsed, size, platform.path("os").asText(null),
                platform.path("architecture").asText(null), platform.path("variant").asText(null));
    }

    /** An image manifest's JSON as Docker pushes it (schema 2 or OCI, three-space indent). */
    public static byte[] write(String mediaType, Descriptor config, List<Descriptor> layers) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", 2);
        root.put("mediaType", mediaType);
        root.set("config", node(config));
        ArrayNode array = root.putArray("layers");
        layers.forEach(l -> array.add(node(l)));
        try {
            String text = MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
            return text.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode node(Descriptor d) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("mediaType", d.mediaType());
        n.put("size", d.size());
        n.put("digest", d.digest().toString());
        return n;
    }
}
