package io.wharf.container.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a container's Config (as {@code docker inspect} shows it) from the create request and the
 * image's config, with moby's merge rules ({@code daemon/commit.go merge}).
 */
public final class ConfigMerger {
    /** Request fields that are not part of Config. */
    private static final Set<String> NOT_CONFIG = Set.of("HostConfig", "NetworkingConfig");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    public static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private ConfigMerger() {
    }

    /**
     * @param request the ContainerCreate body (Config fields at top level)
     * @param image the image's Config object (may be null or missing)
     * @param defaultHostname the hostname used when the request has none
     */
    public static ObjectNode merge(ObjectNode request, JsonNode image, String defaultHostname) {
        JsonNode img = image == null ? JSON.objectNode() : image;
        ObjectNode c = JSON.objectNode();
        String hostname = text(request, "Hostname", "");
        // the docker CLI sends "" when no --hostname is given: that means the default, as in moby
        c.put("Hostname", hostname.isBlank() ? defaultHostname : hostname);
        c.put("Domainname", text(request, "Domainname", ""));
        c.put("User", firstNonEmpty(text(request, "User", ""), text(img, "User", "")));
        c.put("AttachStdin", bool(request, "AttachStdin"));
        c.put("AttachStdout", bool(request, "AttachStdout"));
        c.put("AttachStderr", bool(request, "AttachStderr"));
        JsonNode ports = mergeObjects(img.get("ExposedPorts"), request.get("ExposedPorts"));
        if (ports != null) {
            c.set("ExposedPorts", ports);
        }
        c.put("Tty", bool(request, "Tty"));
        c.put("OpenStdin", bool(request, "OpenStdin"));
        c.put("StdinOnce", bool(request, "StdinOnce"));
        c.set("Env", mergeEnv(strings(img.get("Env")), strings(request.get("Env"))));

        JsonNode userEntrypoint = request.get("Entrypoint");
        JsonNode userCmd = request.get("Cmd");
        ArrayNode cmd = toArray(userCmd);
        ArrayNode entrypoint = toArray(userEntrypoint);
        if (entrypoint == null || entrypoint.isEmpty()) {
            if (cmd == null || cmd.isEmpty()) {
                cmd = toArray(img.get("Cmd"));
            }
            if (entrypoint == null) {
                entrypoint = toArray(img.get("Entrypoint"));
            }
        }
        c.set("Cmd", cmd == null || cmd.isEmpty() ? JSON.nullNode() : cmd);
        if (request.hasNonNull("Healthcheck")) {
            c.set("Healthcheck", request.get("Healthcheck"));
        } else if (img.hasNonNull("Healthcheck")) {
            c.set("Healthcheck", img.get("Healthcheck"));
        }
        c.put("Image", text(request, "Image", ""));
        JsonNode volumes = mergeObjects(img.get("Volumes"), request.get("Volumes"));
        c.set("Volumes", volumes == null ? JSON.nullNode() : volumes);
        c.put("WorkingDir", firstNonEmpty(text(request, "WorkingDir", ""), text(img, "WorkingDir", "")));
        c.set("Entrypoint", entrypoint == null || entrypoint.isEmpty() ? JSON.nullNode() : entrypoint);
        c.set("OnBuild", JSON.nullNode());
        JsonNode labels = mergeObjects(img.get("Labels"), request.get("Labels"));
        c.set("Labels", labels == null ? JSON.objectNode() : labels);
        String stopSignal = firstNonEmpty(text(request, "StopSignal", ""), text(img, "StopSignal", ""));
        if (!stopSignal.isEmpty()) {
            c.put("StopSignal", stopSignal);
        }
        if (request.hasNonNull("StopTimeout")) {
            c.set("StopTimeout", request.get("StopTimeout"));
        }
        // keep whatever else the client sent (newer API fields), so inspect can echo it
        for (Map.Entry<String, JsonNode> field : request.properties()) {
            if (!c.has(field.getKey()) && !NOT_CONFIG.contains(field.getKey())) {
                c.set(field.getKey(), field.getValue());
            }
        }
        return c;
    }

    /** Entrypoint followed by Cmd: what the container runs. */
    public static List<String> command(JsonNode config) {
        List<String> argv = new java.util.ArrayList<>(strings(config.get("Entrypoint")));
        argv.addAll(strings(config.get("Cmd")));
        return argv;
    }

    /**
     * The environment the process gets (moby's CreateDaemonEnvironment): PATH, HOSTNAME and, with a
     * TTY, TERM=xterm, each replaced by the config's own value when it sets one.
     */
    public static List<String> processEnv(JsonNode config) {
        List<String> env = new java.util.ArrayList<>();
        env.add("PATH=" + DEFAULT_PATH);
        env.add("HOSTNAME=" + config.path("Hostname").asText(""));
        if (config.path("Tty").asBoolean(false)) {
            env.add("TERM=xterm");
        }
        for (String entry : strings(config.get("Env"))) {
            String key = envKey(entry);
            int at = -1;
            for (int i = 0; i < env.size(); i++) {
                if (envKey(env.get(i)).equals(key)) {
                    at = i;
                    break;
                }
            }
            if (!entry.contains("=")) {
                continue; // "KEY" without a value only unsets in moby; nothing to pass
            }
            if (at >= 0) {
                env.set(at, entry);
            } else {
                env.add(entry);
            }
        }
        return env;
    }

    /** User env first, then the image's entries whose keys the user did not set (moby's order). */
    static ArrayNode mergeEnv(List<String> imageEnv, List<String> userEnv) {
        ArrayNode env = JSON.arrayNode();
        userEnv.forEach(env::add);
        for (String entry : imageEnv) {
            String key = envKey(entry);
            if (userEnv.stream().noneMatch(u -> envKey(u).equals(key))) {
                env.add(entry);
            }
        }
        return env;
    }

    public static String envKey(String entry) {
        int eq = entry.indexOf('=');
        return eq < 0 ? entry : entry.substring(0, eq);
    }

    /** A JSON string array, or Docker's single-string shorthand; null when absent. */
    static ArrayNode toArray(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        ArrayNode out = JSON.arrayNode();
        if (node.isTextual()) {
            out.add(node.asText());
        } else if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    public static List<String> strings(JsonNode node) {
        ArrayNode array = toArray(node);
        if (array == null) {
            return List.of();
        }
        List<String> out = new java.util.ArrayList<>(array.size());
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static JsonNode mergeObjects(JsonNode base, JsonNode override) {
        boolean hasBase = base != null && base.isObject();
        boolean hasOverride = override != null && override.isObject();
        if (!hasBase && !hasOverride) {
            return null;
        }
        ObjectNode out = JSON.objectNode();
        if (hasBase) {
            out.setAll((ObjectNode) base);
        }
        if (hasOverride) {
            out.setAll((ObjectNode) override);
        }
        return out;
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? fallback : v.asText();
    }

    private static boolean bool(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.asBoolean(false);
    }

    private static String firstNonEmpty(String a, String b) {
        return a.isEmpty() ? b : a;
    }
}
