package io.wharf.container.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.common.error.WharfException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One published port: {@code containerPort/proto} bound to {@code hostIp:hostPort}. A host port of 0 is
 * chosen from the ephemeral range at start; {@code hostPortEnd} above {@code hostPort} is a range to
 * choose from ({@code -p 8000-8010:80}).
 */
public record PortBinding(int containerPort, String proto, String hostIp, int hostPort, int hostPortEnd) {

    /** {@code 80/tcp} */
    public String key() {
        return containerPort + "/" + proto;
    }

    /**
     * The bindings a container asks for: HostConfig.PortBindings, plus with PublishAllPorts every exposed
     * port (Config.ExposedPorts) not bound otherwise, on an ephemeral host port.
     */
    public static List<PortBinding> requested(JsonNode config, JsonNode hostConfig) {
        List<PortBinding> out = new ArrayList<>();
        Set<String> bound = new LinkedHashSet<>();
        JsonNode bindings = hostConfig.path("PortBindings");
        if (bindings.isObject()) {
            for (var e : bindings.properties()) {
                String[] port = parseKey(e.getKey());
                bound.add(e.getKey());
                if (!e.getValue().isArray() || e.getValue().isEmpty()) {
                    out.add(new PortBinding(Integer.parseInt(port[0]), port[1], "", 0, 0));
                    continue;
                }
                for (JsonNode b : e.getValue()) {
                    int[] range = hostPorts(b.path("HostPort").asText(""));
                    out.add(new PortBinding(Integer.parseInt(port[0]), port[1], b.path("HostIp").asText(""), range[0], range[1]));
                }
            }
        }
        if (hostConfig.path("PublishAllPorts").asBoolean(false) && config.path("ExposedPorts").isObject()) {
            for (String key : (Iterable<String>) () -> config.path("ExposedPorts").fieldNames()) {
                if (!bound.contains(key)) {
                    String[] port = parseKey(key);
                    out.add(new PortBinding(Integer.parseInt(port[0]), port[1], "", 0, 0));
                }
            }
        }
        return out;
    }

    /** {@code 80/tcp} or {@code 80} as {port, proto}. */
    static String[] parseKey(String key) {
        String[] parts = key.split("/", 2);
        String proto = parts.length > 1 ? parts[1].toLowerCase() : "tcp";
        if (!proto.equals("tcp") && !proto.equals("udp") && !proto.equals("sctp")) {
            throw WharfException.invalid("invalid proto: " + proto);
        }
        int port = number(parts[0], "invalid containerPort: " + parts[0]);
        return new String[] {Integer.toString(port), proto};
    }

    static int[] hostPorts(String text) {
        if (text.isEmpty()) {
            return new int[] {0, 0};
        }
        int dash = text.indexOf('-');
        if (dash < 0) {
            int p = number(text, "invalid hostPort: " + text);
            return new int[] {p, p};
        }
        int start = number(text.substring(0, dash), "invalid hostPort: " + text);
        int end = number(text.substring(dash + 1), "invalid hostPort: " + text);
        if (end < start) {
            throw WharfException.invalid("invalid hostPort: " + text);
        }
        return new int[] {start, end};
    }

    private static int number(String s, String message) {
        try {
            int p = Integer.parseInt(s.trim());
            if (p < 0 || p > 65535) {
                throw WharfException.invalid(message);
            }
            return p;
        } catch (NumberFormatException e) {
            throw WharfException.invalid(message);
        }
    }
}
