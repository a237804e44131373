package io.wharf.container.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OciSpecFactoryTest {

    private static ObjectNode spec(int uid, boolean tty) {
        Path dir = Path.of("/data/containers/abc");
        return OciSpecFactory.build(new OciSpecFactory.Input("abc123", dir.resolve("merged"), false,
                List.of("sh", "-c", "echo hi"), List.of("PATH=/bin", "HOSTNAME=abc123"), "/work", uid, 0, List.of(10),
                tty, dir.resolve("hostname"), dir.resolve("hosts"), dir.resolve("resolv.conf"), "/wharf/abc",
                64L * 1024 * 1024));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void processComesFromTheInput() {
        JsonNode p = spec(1000, true).get("process");
        assertEquals(List.of("sh", "-c", "echo hi"), texts(p.get("args")));
        assertEquals(List.of("PATH=/bin", "HOSTNAME=abc123"), texts(p.get("env")));
        assertEquals("/work", p.get("cwd").asText());
        assertEquals(1000, p.at("/user/uid").asInt());
        assertEquals(10, p.at("/user/additionalGids/0").asInt());
        assertTrue(p.get("terminal").asBoolean());
        assertFalse(p.has("rlimits"), "rlimits above the host's hard limit fail: none are set");
    }

    @Test
    void dockersFourteenCapabilitiesWithoutInheritableOrAmbient() {
        JsonNode caps = spec(0, false).at("/process/capabilities");
        assertEquals(14, caps.get("bounding").size());
        assertEquals(texts(caps.get("bounding")), texts(caps.get("effective")));
        assertEquals(texts(caps.get("bounding")), texts(caps.get("permitted")));
        assertTrue(texts(caps.get("bounding")).contains("CAP_NET_BIND_SERVICE"));
        assertFalse(texts(caps.get("bounding")).contains("CAP_SYS_ADMIN"));
        assertFalse(caps.has("inheritable"));
        assertFalse(caps.has("ambient"));
    }

    @Test
    void namespacesMountsAndMasking() {
        ObjectNode s = spec(0, false);
        assertEquals("1.0.2", s.get("ociVersion").asText());
        assertEquals("/data/containers/abc/merged", s.at("/root/path").asText());
        assertEquals("abc123", s.get("hostname").asText());
        List<String> ns = new ArrayList<>();
        s.at("/linux/namespaces").forEach(n -> ns.add(n.get("type").asText()));
        assertEquals(List.of("pid", "ipc", "uts", "mount", "network"), ns);
        List<String> destinations = new ArrayList<>();
        s.get("mounts").forEach(m -> destinations.add(m.get("destination").asText()));
        assertEquals(List.of("/proc", "/dev", "/dev/pts", "/sys", "/sys/fs/cgroup", "/dev/mqueue", "/dev/shm",
                "/etc/resolv.conf", "/etc/hostname", "/etc/hosts"), destinations);
        JsonNode hosts = s.get("mounts").get(9);
        assertEquals("bind", hosts.get("type").asText());
        assertEquals("/data/containers/abc/hosts", hosts.get("source").asText());
        assertTrue(texts(s.get("mounts").get(3).get("options")).contains("ro"));
        assertTrue(texts(s.get("mounts").get(6).get("options")).contains("size=67108864"));
        assertTrue(texts(s.at("/linux/maskedPaths")).contains("/proc/kcore"));
        assertTrue(texts(s.at("/linux/readonlyPaths")).contains("/proc/sys"));
        assertEquals("/wharf/abc", s.at("/linux/cgroupsPath").asText());
        JsonNode firstRule = s.at("/linux/resources/devices/0");
        assertFalse(firstRule.get("allow").asBoolean());
        assertEquals("rwm", firstRule.get("access").asText());
    }
}
