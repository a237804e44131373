package io.wharf.container.service.network;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Legacy {@code --link other:alias} environment variables, as moby's links package makes them:
 * {@code ALIAS_NAME=/me/alias}, {@code ALIAS_PORT=tcp://ip:port} (lowest exposed port),
 * {@code ALIAS_PORT_<port>_<PROTO>[_ADDR|_PORT|_PROTO]} for each exposed port, and
 * {@code ALIAS_ENV_<k>=v} for the linked container's environment (but HOME and PATH).
 */
final class LinkEnvironment {
    private LinkEnvironment() {
    }

    static List<String> of(String alias, String me, String ip, JsonNode otherConfig) {
        String prefix = alias.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
        List<String> env = new ArrayList<>();
        env.add(prefix + "_NAME=/" + me + "/" + alias);
        TreeMap<Integer, String> ports = new TreeMap<>();
        for (String key : (Iterable<String>) () -> otherConfig.path("ExposedPorts").fieldNames()) {
            String[] p = key.split("/", 2);
            try {
                ports.put(Integer.parseInt(p[0]), p.length > 1 ? p[1] : "tcp");
            } catch (NumberFormatException ignored) {
                // not a port
            }
        }
        if (!ports.isEmpty()) {
            var first = ports.firstEntry();
            env.add(prefix + "_PORT=" + first.getValue() + "://" + ip + ":" + first.getKey());
        }
        ports.forEach((port, proto) -> {
            String base = prefix + "_PORT_" + port + "_" + proto.toUpperCase(Locale.ROOT);
            env.add(base + "=" + proto + "://" + ip + ":" + port);
            env.add(base + "_ADDR=" + ip);
            env.add(base + "_PORT=" + port);
            env.add(base + "_PROTO=" + proto);
        });
        for (JsonNode e : otherConfig.path("Env")) {
            String[] kv = e.asText().split("=", 2);
            if (kv.length == 2 && !kv[0].equals("HOME") && !kv[0].equals("PATH")) {
                env.add(prefix + "_ENV_" + kv[0] + "=" + kv[1]);
            }
        }
        return env;
    }
}
