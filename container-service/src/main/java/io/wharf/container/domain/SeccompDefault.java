package io.wharf.container.domain;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Docker's default seccomp policy as an OCI {@code linux.seccomp} section: deny (EPERM) by default,
 * allow the calls listed in {@code seccomp/default-allow.txt} for the container's capabilities and
 * architecture, plus the argument rules Docker has for socket, personality, clone and clone3.
 */
public final class SeccompDefault {
    static final String RESOURCE = "/seccomp/default-allow.txt";
    /** AF_VSOCK: sockets of this family are refused. */
    static final long AF_VSOCK = 40;
    /** CLONE_NEWNS | NEWCGROUP | NEWUTS | NEWIPC | NEWUSER | NEWPID | NEWNET: clone may not make namespaces. */
    static final long CLONE_NAMESPACE_FLAGS = 2114060288L;
    static final long[] PERSONALITIES = { 0, 8, 131072, 131080, 4294967295L };
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static volatile Map<String, List<String>> sections;

    private SeccompDefault() {
    }

    /** @param goArch amd64, arm64, ... */
    public static ObjectNode build(Collection<String> capabilities, String goArch) {
        Set<String> allowed = new LinkedHashSet<>();
        for (Map.Entry<String, List<String>> section : sections().entrySet()) {
            String condition = section.getKey();
            boolean applies = condition.equals("always")
                    || (condition.startsWith("cap ") && capabilities.contains(condition.substring(4)))
                    || (condition.startsWith("arch ") && condition.substring(5).equals(goArch));
            if (applies) {
                allowed.addAll(section.getValue());
            }
        }
        ObjectNode s = JSON.objectNode();
        s.put("defaultAction", "SCMP_ACT_ERRNO");
        s.put("defaultErrnoRet", 1);
        s.set("architectures", SeccompProfiles.architectures(goArch));
        ArrayNode syscalls = s.putArray("syscalls");
        ObjectNode allow = syscalls.addObject();
        ArrayNode names = allow.putArray("names");
        allowed.forEach(names::add);
        allow.put("action", "SCMP_ACT_ALLOW");
        rule(syscalls, "socket", 0, AF_VSOCK, 0, "SCMP_CMP_NE");
        for (long p : PERSONALITIES) {
            rule(syscalls, "personality", 0, p, 0, "SCMP_CMP_EQ");
        }
        if (!capabilities.contains("CAP_SYS_ADMIN")) {
            int flagsArg = goArch.startsWith("s390") ? 1 : 0;
            rule(syscalls, "clone", flagsArg, CLONE_NAMESPACE_FLAGS, 0, "SCMP_CMP_MASKED_EQ");
            ObjectNode clone3 = syscalls.addObject();
            clone3.putArray("names").add("clone3");
            clone3.put("action", "SCMP_ACT_ERRNO");
            clone3.put("errnoRet", 38); // ENOSYS, so callers fall back to clone
        }
        return s;
    }

    private static void rule(ArrayNode syscalls, String name, int index, long value, long valueTwo, String op) {
        ObjectNode r = syscalls.addObject();
        r.putArray("names").add(name);
        r.put("action", "SCMP_ACT_ALLOW");
        ObjectNode arg = r.putArray("args").addObject();
        arg.put("index", index);
        arg.put("value", value);
        arg.put("valueTwo", valueTwo);
        arg.put("op", op);
    }

    static Map<String, List<String>> sections() {
        Map<String, List<String>> s = sections;
        if (s == null) {
            try (InputStream in = SeccompDefault.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                s = parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            sections = s;
        }
        return s;
    }

    static Map<String, List<String>> parse(List<String> lines) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String current = null;
        for (String line : lines) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            if (l.startsWith("[") && l.endsWith("]")) {
                current = l.substring(1, l.length() - 1).strip();
                out.computeIfAbsent(current, k -> new ArrayList<>());
                continue;
            }
            if (current == null) {
                throw new IllegalStateException("system call names before the first [section]: " + l);
            }
            out.get(current).addAll(List.of(l.split("\\s+")));
        }
        return out;
    }
}
