package io.wharf.gateway.e2e;

import static io.wharf.gateway.e2e.DockerCli.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Capabilities, privileged, read-only rootfs, no-new-privileges, seccomp, and the rest of HostConfig. */
class ContainerSecurityIT {
    static final String CAP_EFF = "grep CapEff /proc/self/status | cut -f2";

    @BeforeAll
    static void image() throws Exception {
        TestImages.ensureBusybox();
    }

    private static DockerCli.Result run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "run";
        all[1] = "--rm";
        System.arraycopy(args, 0, all, 2, args.length);
        return docker(all);
    }

    @Test
    void defaultCapabilitiesAreDockers() {
        assertEquals("00000000a80425fb", run("busybox", "sh", "-c", CAP_EFF).assertOk().trimmed());
    }

    @Test
    void capAddAndDropTakeNamesWithOrWithoutThePrefix() {
        // + NET_ADMIN (bit 12), - CHOWN (bit 0)
        assertEquals("00000000a80435fa", run("--cap-add", "net_admin", "--cap-drop", "CAP_CHOWN", "busybox", "sh",
                "-c", CAP_EFF).assertOk().trimmed());
        assertEquals("0000000000000000", run("--cap-drop", "ALL", "busybox", "sh", "-c", CAP_EFF).assertOk().trimmed());
        DockerCli.Result bad = run("--cap-add", "foo", "busybox", "true");
        assertTrue(bad.err().contains("unknown capability: \"CAP_FOO\""), bad.err());
    }

    @Test
    void privilegedGetsEveryCapabilityAndTheHostDevices() {
        String out = run("--privileged", "busybox", "sh", "-c",
                CAP_EFF + "; test -e /dev/loop-control -o -e /dev/kmsg && echo devices").assertOk().out();
        assertNotEquals("00000000a80425fb", out.lines().findFirst().orElse(""));
        assertTrue(Long.parseUnsignedLong(out.lines().findFirst().orElseThrow(), 16) > 0xa80425fbL, out);
        assertTrue(out.contains("devices"), out);
    }

    @Test
    void readOnlyRootfs() {
        DockerCli.Result r = run("--read-only", "busybox", "touch", "/x");
        assertNotEquals(0, r.exitCode());
        assertTrue(r.err().contains("Read-only file system"), r.err());
    }

    @Test
    void noNewPrivileges() {
        assertEquals("1", run("--security-opt", "no-new-privileges", "busybox", "sh", "-c",
                "grep NoNewPrivs /proc/self/status | cut -f2").assertOk().trimmed());
        assertEquals("0", run("busybox", "sh", "-c", "grep NoNewPrivs /proc/self/status | cut -f2").assertOk()
                .trimmed());
    }

    @Test
    void defaultSeccompProfileBlocksUnshareUnlessUnconfined() {
        DockerCli.Result blocked = run("busybox", "unshare", "-U", "true");
        assertNotEquals(0, blocked.exitCode());
        assertTrue(blocked.err().contains("Operation not permitted"), blocked.err());
        run("--security-opt", "seccomp=unconfined", "busybox", "unshare", "-U", "true").assertOk();
    }

    @Test
    void customSeccompProfileFromAFile() throws Exception {
        Path profile = Files.createTempFile("seccomp", ".json");
        try {
            // allow everything but mkdir/mkdirat
            Files.writeString(profile, "{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":[{\"names\":"
                    + "[\"mkdir\",\"mkdirat\"],\"action\":\"SCMP_ACT_ERRNO\",\"errnoRet\":1}]}");
            DockerCli.Result r = run("--security-opt", "seccomp=" + profile, "busybox", "mkdir", "/tmp/d");
            assertNotEquals(0, r.exitCode(), r.toString());
            assertTrue(r.err().contains("Operation not permitted"), r.err());
            run("busybox", "mkdir", "/tmp/d").assertOk();
        } finally {
            Files.deleteIfExists(profile);
        }
    }

    @Test
    void tmpfsSysctlGroupsDevicesAndInit() {
        assertTrue(run("--tmpfs", "/run:size=1m", "busybox", "grep", " /run ", "/proc/mounts").assertOk().out()
                .contains("size=1024k"));
        assertEquals("1", run("--sysctl", "net.ipv4.ip_forward=1", "busybox", "cat",
                "/proc/sys/net/ipv4/ip_forward").assertOk().trimmed());
        assertTrue(run("--group-add", "1234", "busybox", "id").assertOk().out().contains("1234"));
        assertEquals("ok", run("--device", "/dev/null:/dev/mynull", "busybox", "sh", "-c",
                "test -c /dev/mynull && echo x > /dev/mynull && echo ok").assertOk().trimmed());
        assertTrue(run("--init", "busybox", "cat", "/proc/1/cmdline").assertOk().out().startsWith("/sbin/docker-init"));
    }

    @Test
    void hostAndContainerNamespaces() {
        String hostUts = run("--uts", "host", "busybox", "hostname").assertOk().trimmed();
        assertEquals(docker("info", "--format", "{{.Name}}").assertOk().trimmed(), hostUts);
        String id = docker("run", "-d", "busybox", "sleep", "300").assertOk().trimmed();
        try {
            String theirs = docker("run", "--rm", "--pid", "container:" + id, "busybox", "ps", "-o", "args")
                    .assertOk().out();
            assertTrue(theirs.contains("sleep 300"), theirs);
            String ipc = docker("run", "--rm", "--ipc", "container:" + id, "busybox", "readlink", "/proc/self/ns/ipc")
                    .assertOk().trimmed();
            String pid = docker("inspect", "-f", "{{.State.Pid}}", id).assertOk().trimmed();
            String expected = docker("run", "--rm", "--pid", "host", "--privileged", "busybox", "readlink",
                    "/proc/" + pid + "/ns/ipc").assertOk().trimmed();
            assertEquals(expected, ipc);
        } finally {
            docker("rm", "-f", id);
        }
    }
}
