package io.wharf.container.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.common.error.WharfException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HostConfigRulesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ResourceLimits.Host HOST = new ResourceLimits.Host(2, "0-1", "0",
            Map.of("RLIMIT_NOFILE", 20000L));
    private static final List<String> ALL = Capabilities.supported(40, -1L);

    private static ObjectNode hc(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    private static String message(Runnable r) {
        return assertThrows(WharfException.class, r::run).getMessage();
    }

    @Test
    void capabilitiesFollowMobysRules() {
        assertEquals(Capabilities.DEFAULTS, Capabilities.effective(List.of(), List.of(), false, ALL));
        List<String> caps = Capabilities.effective(List.of("net_admin"), List.of("CAP_CHOWN"), false, ALL);
        assertTrue(caps.contains("CAP_NET_ADMIN"));
        assertFalse(caps.contains("CAP_CHOWN"));
        assertEquals(List.of("CAP_KILL"), Capabilities.effective(List.of("kill"), List.of("ALL"), false, ALL));
        assertEquals(40, Capabilities.effective(List.of("ALL"), List.of("SYS_ADMIN"), false, ALL).size());
        assertEquals(41, Capabilities.effective(List.of(), List.of(), true, ALL).size());
        assertEquals("unknown capability: \"CAP_FOO\"",
                message(() -> Capabilities.effective(List.of("foo"), List.of(), false, ALL)));
        // the bounding set limits what privileged gets (no CAP_SYS_RESOURCE = bit 24)
        assertFalse(Capabilities.supported(40, ~(1L << 24)).contains("CAP_SYS_RESOURCE"));
    }

    @Test
    void resourcesBecomeOciFields() throws Exception {
        ObjectNode hc = hc("{\"Memory\":67108864,\"NanoCpus\":500000000,\"PidsLimit\":20,\"CpuShares\":512,"
                + "\"OomKillDisable\":true,\"Ulimits\":[{\"Name\":\"nofile\",\"Soft\":512,\"Hard\":512}]}");
        ResourceLimits.adapt(hc);
        assertEquals(134217728, hc.get("MemorySwap").asLong());
        assertEquals(67108864, hc.get("ShmSize").asLong());
        ResourceLimits.validate(hc, HOST);
        ObjectNode r = JSON.createObjectNode();
        ResourceLimits.resources(hc, r);
        assertEquals(67108864, r.at("/memory/limit").asLong());
        assertEquals(134217728, r.at("/memory/swap").asLong());
        assertTrue(r.at("/memory/disableOOMKiller").asBoolean());
        assertEquals(50000, r.at("/cpu/quota").asLong());
        assertEquals(100000, r.at("/cpu/period").asLong());
        assertEquals(512, r.at("/cpu/shares").asLong());
        assertEquals(20, r.at("/pids/limit").asLong());
        JsonNode rl = ResourceLimits.rlimits(hc).get(0);
        assertEquals("RLIMIT_NOFILE", rl.get("type").asText());
        assertEquals(512, rl.get("soft").asLong());
    }

    @Test
    void badResourcesAreRefusedWithDockerdsMessages() throws Exception {
        assertEquals("Minimum memory limit allowed is 6MB",
                message(() -> ResourceLimits.validate(unchecked("{\"Memory\":1024}"), HOST)));
        assertEquals("Range of CPUs is from 0.01 to 2.00, as there are only 2 CPUs available",
                message(() -> ResourceLimits.validate(unchecked("{\"NanoCpus\":3000000000}"), HOST)));
        assertEquals("Conflicting options: Nano CPUs and CPU Period cannot both be set",
                message(() -> ResourceLimits.validate(unchecked("{\"NanoCpus\":1,\"CpuPeriod\":100000}"), HOST)));
        assertEquals("Requested CPUs are not available - requested 3, available: 0-1",
                message(() -> ResourceLimits.validate(unchecked("{\"CpusetCpus\":\"3\"}"), HOST)));
        assertTrue(message(() -> ResourceLimits.validate(unchecked(
                "{\"Ulimits\":[{\"Name\":\"nofile\",\"Soft\":1,\"Hard\":30000}]}"), HOST))
                .contains("exceeds the host's hard limit 20000"));
    }

    private static ObjectNode unchecked(String json) {
        try {
            return hc(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void securityOptions() {
        SecurityOptions o = SecurityOptions.parse(List.of("no-new-privileges", "seccomp=unconfined"));
        assertTrue(o.noNewPrivileges());
        assertEquals("unconfined", o.seccomp());
        assertFalse(SecurityOptions.parse(List.of("no-new-privileges=false")).noNewPrivileges());
        assertEquals("{\"a\":1}", SecurityOptions.parse(List.of("seccomp={\"a\":1}")).seccomp());
        assertEquals("invalid --security-opt 2: \"foo=bar\"", message(() -> SecurityOptions.parse(List.of("foo=bar"))));
    }

    @Test
    void defaultSeccompAllowsByCapability() {
        JsonNode s = SeccompDefault.build(Capabilities.DEFAULTS, "amd64");
        assertEquals("SCMP_ACT_ERRNO", s.get("defaultAction").asText());
        assertEquals(1, s.get("defaultErrnoRet").asInt());
        Set<String> allowed = names(s.get("syscalls").get(0));
        assertTrue(allowed.containsAll(List.of("read", "write", "execve", "arch_prctl", "chroot")));
        assertFalse(allowed.contains("unshare"));
        assertFalse(allowed.contains("mount"));
        assertTrue(s.toString().contains("\"clone3\""), "clone3 gets ENOSYS without CAP_SYS_ADMIN");
        List<String> admin = new ArrayList<>(Capabilities.DEFAULTS);
        admin.add("CAP_SYS_ADMIN");
        assertTrue(names(SeccompDefault.build(admin, "amd64").get("syscalls").get(0)).contains("unshare"));
    }

    @Test
    void dockerProfileIsFilteredByCapsAndArch() {
        String profile = "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"archMap\":[{\"architecture\":\"SCMP_ARCH_X86_64\","
                + "\"subArchitectures\":[\"SCMP_ARCH_X86\"]}],\"syscalls\":[{\"names\":[\"read\"],\"action\":"
                + "\"SCMP_ACT_ALLOW\"},{\"names\":[\"mount\"],\"action\":\"SCMP_ACT_ALLOW\",\"includes\":{\"caps\":"
                + "[\"CAP_SYS_ADMIN\"]}}]}";
        JsonNode s = SeccompProfiles.fromDocker(profile, Capabilities.DEFAULTS, "amd64");
        assertEquals("[\"SCMP_ARCH_X86_64\",\"SCMP_ARCH_X86\"]", s.get("architectures").toString());
        assertEquals(1, s.get("syscalls").size());
        assertTrue(message(() -> SeccompProfiles.fromDocker("{", List.of(), "amd64"))
                .startsWith("Decoding seccomp profile failed"));
    }

    @Test
    void sysctlsAndNamespaceModes() {
        Sysctls.check("net.ipv4.ip_forward", false, false);
        Sysctls.check("kernel.shmmax", false, false);
        assertEquals("sysctl 'kernel.foo' is not whitelisted", message(() -> Sysctls.check("kernel.foo", false, false)));
        assertEquals("abc", NamespaceModes.parse("pid", "container:abc", false).container());
        assertTrue(NamespaceModes.parse("uts", "host", false).host());
        assertEquals("invalid PID mode: bogus", message(() -> NamespaceModes.parse("pid", "bogus", false)));
    }

    @Test
    void psOutputKeepsTheContainersRows() {
        String ps = "UID   PID  PPID  C STIME TTY  TIME     CMD\n"
                + "root  10   1     0 10:00 ?    00:00:00 sleep 300\n"
                + "root  11   1     0 10:00 ?    00:00:00 other thing\n";
        JsonNode top = PsOutput.parse(ps, Set.of(10));
        assertEquals(8, top.get("Titles").size());
        assertEquals(1, top.get("Processes").size());
        assertEquals("sleep 300", top.get("Processes").get(0).get(7).asText());
    }

    private static Set<String> names(JsonNode rule) {
        Set<String> out = new java.util.HashSet<>();
        rule.get("names").forEach(n -> out.add(n.asText()));
        return out;
    }
}
