package io.wharf.container.domain;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OCI process of an exec: the container's own process (capabilities, rlimits, env, user) with the
 * exec's command, extra environment (overriding by name), user ids and working directory.
 */
public final class ExecProcessSpec {
    private ExecProcessSpec() {
    }

    /**
     * @param base the container's {@code process} from its bundle; not modified
     * @param ids uid/gid/additional gids when the exec names a user, else null to keep the container's
     */
    public static ObjectNode build(ObjectNode base, ExecConfig config, int[] ids, List<Integer> additionalGids) {
        ObjectNode p = base.deepCopy();
        p.put("terminal", config.tty());
        p.remove("consoleSize");
        ArrayNode args = p.putArray("args");
        config.cmd().forEach(args::add);
        Map<String, String> env = new LinkedHashMap<>();
        p.path("env").forEach(e -> put(env, e.asText()));
        config.env().forEach(e -> put(env, e));
        ArrayNode envOut = p.putArray("env");
        env.forEach((k, v) -> envOut.add(v == null ? k : k + "=" + v));
        if (!config.workingDir().isEmpty()) {
            p.put("cwd", config.workingDir());
        }
        if (ids != null) {
            ObjectNode user = p.putObject("user");
            user.put("uid", ids[0]);
            user.put("gid", ids[1]);
            if (!additionalGids.isEmpty()) {
                ArrayNode gids = user.putArray("additionalGids");
                additionalGids.forEach(gids::add);
            }
        }
        return p;
    }

    private static void put(Map<String, String> env, String entry) {
        int eq = entry.indexOf('=');
        if (eq < 0) {
            env.put(entry, null);
        } else {
            env.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
    }
}
