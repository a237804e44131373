package io.wharf.container.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.common.error.WharfException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A seccomp profile in Docker's JSON format (what {@code --security-opt seccomp=file.json} sends
 * inline) turned into the OCI {@code linux.seccomp} section, keeping the rules whose
 * includes/excludes (caps, arches) match the container, as moby's setupSeccomp does.
 */
public final class SeccompProfiles {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, List<String>> ARCHES = Map.of(
            "amd64", List.of("SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"),
            "arm64", List.of("SCMP_ARCH_AARCH64", "SCMP_ARCH_ARM"),
            "s390x", List.of("SCMP_ARCH_S390X", "SCMP_ARCH_S390"),
            "ppc64le", List.of("SCMP_ARCH_PPC64LE"),
            "riscv64", List.of("SCMP_ARCH_RISCV64"));

    private SeccompProfiles() {
    }

    /** The Go name of this JVM's architecture. */
    public static String goArch() {
        String a = System.getProperty("os.arch");
        return switch (a) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64" -> "arm64";
            default -> a;
        };
    }

    static ArrayNode architectures(String goArch) {
        ArrayNode a = JSON.arrayNode();
        ARCHES.getOrDefault(goArch, List.of()).forEach(a::add);
        return a;
    }

    public static ObjectNode fromDocker(String profileJson, Collection<String> capabilities, String goArch) {
        JsonNode p;
        try {
            p = MAPPER.readTree(profileJson);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw WharfException.invalid("Decoding seccomp profile failed: " + e.getOriginalMessage());
        }
        if (p == null || !p.isObject()) {
            throw WharfException.invalid("Decoding seccomp profile failed: not a JSON object");
        }
        if (!p.path("defaultAction").isTextual()) {
            throw WharfException.invalid("Decoding seccomp profile failed: defaultAction is missing");
        }
        ObjectNode s = JSON.objectNode();
        s.put("defaultAction", p.get("defaultAction").asText());
        if (p.has("defaultErrnoRet")) {
            s.set("defaultErrnoRet", p.get("defaultErrnoRet"));
        }
        ArrayNode arches = JSON.arrayNode();
        if (p.path("architectures").isArray()) {
            p.get("architectures").forEach(arches::add);
        } else if (p.path("archMap").isArray()) {
            List<String> native_ = ARCHES.getOrDefault(goArch, List.of());
            for (JsonNode m : p.get("archMap")) {
                if (!native_.isEmpty() && m.path("architecture").asText().equals(native_.get(0))) {
                    arches.add(m.get("architecture"));
                    m.path("subArchitectures").forEach(arches::add);
                }
            }
        }
        s.set("architectures", arches);
        if (p.has("flags")) {
            s.set("flags", p.get("flags"));
        }
        ArrayNode syscalls = s.putArray("syscalls");
        for (JsonNode call : p.path("syscalls")) {
            if (!matches(call.path("includes"), capabilities, goArch, true)
                    || !matches(call.path("excludes"), capabilities, goArch, false)) {
                continue;
            }
            ObjectNode out = syscalls.addObject();
            ArrayNode names = out.putArray("names");
            call.path("names").forEach(names::add);
            if (call.path("name").isTextual()) {
                names.add(call.get("name"));
            }
            out.put("action", call.path("action").asText("SCMP_ACT_ALLOW"));
            if (call.has("errnoRet")) {
                out.set("errnoRet", call.get("errnoRet"));
            }
            if (call.path("args").isArray()) {
                ArrayNode args = out.putArray("args");
                for (JsonNode a : call.get("args")) {
                    ObjectNode arg = args.addObject();
                    arg.put("index", a.path("index").asInt());
                    arg.put("value", a.path("value").asLong());
                    arg.put("valueTwo", a.path("valueTwo").asLong());
                    arg.put("op", a.path("op").asText());
                }
            }
        }
        return s;
    }

    /** includes: every listed condition must hold; excludes: none may hold. */
    private static boolean matches(JsonNode filter, Collection<String> caps, String goArch, boolean include) {
        if (!filter.isObject()) {
            return true;
        }
        boolean archListed = filter.path("arches").isArray() && contains(filter.get("arches"), goArch);
        boolean capsListed = false;
        boolean allCaps = filter.path("caps").isArray() && !filter.get("caps").isEmpty();
        for (JsonNode c : filter.path("caps")) {
            if (caps.contains(c.asText())) {
                capsListed = true;
            } else {
                allCaps = false;
            }
        }
        if (include) {
            boolean archOk = !filter.path("arches").isArray() || filter.get("arches").isEmpty() || archListed;
            boolean capsOk = !filter.path("caps").isArray() || filter.get("caps").isEmpty() || allCaps;
            return archOk && capsOk;
        }
        return !archListed && !capsListed;
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode n : array) {
            if (n.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
