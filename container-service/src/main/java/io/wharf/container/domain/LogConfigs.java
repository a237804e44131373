package io.wharf.container.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.common.error.WharfException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * HostConfig.LogConfig as dockerd fills and checks it at create: the default driver is {@code json-file};
 * Wharf has the drivers json-file, local and none (the output is kept either way, since attach reads it;
 * with none, {@code docker logs} refuses as dockerd does) and checks their options with dockerd's messages.
 */
public final class LogConfigs {
    public static final String DEFAULT_DRIVER = "json-file";
    private static final Map<String, Set<String>> OPTIONS = Map.of(
            "json-file", Set.of("max-file", "max-size", "compress", "labels", "labels-regex", "env", "env-regex", "tag"),
            "local", Set.of("max-file", "max-size", "compress"),
            "none", Set.of());

    private LogConfigs() {
    }

    /** Fills in dockerd's default in place: {@code {"Type":"json-file","Config":{}}}. */
    public static void adapt(ObjectNode hc) {
        JsonNode current = hc.get("LogConfig");
        ObjectNode config = current instanceof ObjectNode o ? o : hc.putObject("LogConfig");
        if (config.path("Type").asText("").isEmpty()) {
            config.put("Type", DEFAULT_DRIVER);
        }
        if (!config.path("Config").isObject()) {
            config.putObject("Config");
        }
    }

    public static void validate(JsonNode hc) {
        JsonNode config = hc.path("LogConfig");
        String driver = driver(hc);
        Set<String> known = OPTIONS.get(driver);
        if (known == null) {
            throw WharfException.invalid("logger: no log driver named '" + driver + "' is registered");
        }
        for (Map.Entry<String, JsonNode> option : config.path("Config").properties()) {
            if (!known.contains(option.getKey())) {
                throw WharfException.invalid("unknown log opt '" + option.getKey() + "' for " + driver + " log driver");
            }
        }
        String maxSize = config.path("Config").path("max-size").asText(null);
        if (maxSize != null) {
            bytes(maxSize);
        }
        String maxFile = config.path("Config").path("max-file").asText(null);
        if (maxFile != null) {
            int files;
            try {
                files = Integer.parseInt(maxFile);
            } catch (NumberFormatException e) {
                throw WharfException.invalid("strconv.Atoi: parsing \"" + maxFile + "\": invalid syntax");
            }
            if (files < 1) {
                throw WharfException.invalid("max-file cannot be less than 1");
            }
        }
    }

    /** The driver a container's HostConfig names (the default when none is named). */
    public static String driver(JsonNode hc) {
        String type = hc.path("LogConfig").path("Type").asText("");
        return type.isEmpty() ? DEFAULT_DRIVER : type;
    }

    /** Whether {@code docker logs} can read the output: not with the none driver. */
    public static boolean readable(JsonNode hc) {
        return !driver(hc).equals("none");
    }

    /** go-units RAMInBytes: a number with an optional b, k, m, g, t or p suffix (binary multiples). */
    static long bytes(String size) {
        String s = size.trim().toLowerCase(Locale.ROOT);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+(?:\\.\\d+)?) ?([kmgtp])?(i?b)?$").matcher(s);
        if (!m.matches()) {
            throw WharfException.invalid("invalid size: '" + size + "'");
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2);
        int power = "kmgtp".indexOf(unit.isEmpty() ? ' ' : unit.charAt(0)) + 1;
        return (long) (value * Math.pow(1024, power));
    }
}
