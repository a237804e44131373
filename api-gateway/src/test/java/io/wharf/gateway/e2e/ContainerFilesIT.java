package io.wharf.gateway.e2e;

import static io.wharf.gateway.e2e.DockerCli.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docker diff, docker export and docker cp both ways, with the real CLI. */
class ContainerFilesIT {
    private final TestContainers containers = new TestContainers();

    @TempDir
    Path tmp;

    @BeforeAll
    static void image() throws Exception {
        TestImages.ensureBusybox();
    }

    @AfterEach
    void cleanUp() {
        containers.removeAll();
    }

    private String name(String base) {
        return containers.name(base);
    }

    @Test
    void diffReportsAddedModifiedAndDeletedPaths() {
        String c = name("diff");
        docker("run", "--name", c, "busybox", "sh", "-c",
                "echo hi > /tmp/new; rm /bin/vi; mkdir /srv; echo y > /srv/f; echo more >> /bin/true || true")
                .assertOk();
        Set<String> diff = new TreeSet<>(docker("diff", c).assertOk().out().lines().toList());
        assertTrue(diff.contains("A /tmp/new"), diff.toString());
        assertTrue(diff.contains("C /tmp"), diff.toString());
        assertTrue(diff.contains("D /bin/vi"), diff.toString());
        assertTrue(diff.contains("C /bin"), diff.toString());
        assertTrue(diff.contains("A /srv"), diff.toString());
        assertTrue(diff.contains("A /srv/f"), diff.toString());
        assertFalse(diff.stream().anyMatch(l -> l.endsWith("/etc/hosts") || l.endsWith(" /etc")),
                "runtime mount points are not changes: " + diff);
        DockerCli.Result missing = docker("diff", "no-such-" + containers.run());
        assertNotEquals(0, missing.exitCode());
        assertTrue(missing.err().contains("No such container: no-such-" + containers.run()), missing.err());
    }

    @Test
    void exportOfAStoppedContainerIsItsMergedRootfsAndLeavesNothingMounted() throws Exception {
        String c = name("export");
        docker("run", "--name", c, "busybox", "sh", "-c", "echo exported > /tmp/marker; rm /bin/vi").assertOk();
        String id = docker("inspect", "-f", "{{.Id}}", c).assertOk().trimmed();
        Path out = tmp.resolve("export.tar");
        docker("export", "-o", out.toString(), c).assertOk();
        List<String> entries = tar("-tf", out.toString()).lines().toList();
        assertTrue(entries.contains("tmp/marker"), "marker missing");
        assertTrue(entries.contains("bin/busybox"), "image files missing");
        assertFalse(entries.contains("bin/vi"), "deleted file exported");
        assertFalse(entries.stream().anyMatch(e -> e.startsWith("./") || e.startsWith("/")), "entries are relative");
        assertEquals("exported\n", tar("-xOf", out.toString(), "tmp/marker"));
        assertFalse(Files.readString(Path.of("/proc/mounts")).contains(id), "rootfs of " + id + " left mounted");
    }

    @Test
    void cpCopiesOutOfAndIntoContainersRunningOrNot() throws Exception {
        String c = name("cp");
        docker("run", "-d", "--name", c, "busybox", "sh", "-c",
                "mkdir -p /data/sub; echo one > /data/sub/a; ln -s /data /linked; sleep 300").assertOk();
        waitForFile(c, "/linked");

        Path dest = tmp.resolve("out");
        Files.createDirectories(dest);
        docker("cp", c + ":/data", dest.toString()).assertOk();
        assertEquals("one\n", Files.readString(dest.resolve("data/sub/a")));
        docker("cp", c + ":/linked/sub/a", dest.resolve("copied").toString()).assertOk();
        assertEquals("one\n", Files.readString(dest.resolve("copied")));
        DockerCli.Result missing = docker("cp", c + ":/nope", dest.toString());
        assertNotEquals(0, missing.exitCode());
        assertTrue(missing.err().contains("Could not find the file /nope in container " + c), missing.err());

        Path host = tmp.resolve("host.txt");
        Files.writeString(host, "from host\n");
        docker("cp", host.toString(), c + ":/data/").assertOk();
        docker("cp", host.toString(), c + ":/data/renamed.txt").assertOk();
        assertEquals("from host\n", catOut(c, "/data/host.txt"));
        assertEquals("from host\n", catOut(c, "/data/renamed.txt"));

        docker("stop", "-t", "1", c).assertOk();
        docker("cp", host.toString(), c + ":/tmp/while-stopped.txt").assertOk();
        assertEquals("from host\n", catOut(c, "/tmp/while-stopped.txt"));
        String id = docker("inspect", "-f", "{{.Id}}", c).assertOk().trimmed();
        assertFalse(Files.readString(Path.of("/proc/mounts")).contains(id), "rootfs of " + id + " left mounted");
    }

    @Test
    void cpNeverWritesOutsideTheRootfs() throws Exception {
        String c = name("escape");
        String marker = "wharf-escape-" + containers.run();
        docker("run", "--name", c, "busybox", "sh", "-c", "ln -s / /tmp/root; ln -s ../../../../.. /tmp/up").assertOk();
        Path host = tmp.resolve(marker);
        Files.writeString(host, "contained\n");

        docker("cp", host.toString(), c + ":/tmp/root/").assertOk();
        assertFalse(Files.exists(Path.of("/", marker)), "written to the host's /");
        assertEquals("contained\n", catOut(c, "/" + marker));
        docker("cp", host.toString(), c + ":/tmp/up/").assertOk();
        assertFalse(Files.exists(Path.of("/", marker)), "written to the host's /");

        Path evil = tmp.resolve("evil.tar");
        Files.write(evil, tarWith("../../../../../../" + marker + "-dotdot", "escaped\n"));
        DockerCli.Result refused = DockerCli.dockerWithInput(evil, "cp", "-", c + ":/tmp");
        assertNotEquals(0, refused.exitCode());
        assertTrue(refused.err().contains("outside of the extraction point"), refused.err());
        assertFalse(Files.exists(Path.of("/", marker + "-dotdot")), "a .. member escaped");
    }

    private static void waitForFile(String c, String path) {
        for (int i = 0; i < 100 && docker("cp", c + ":" + path, "-").exitCode() != 0; i++) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A file's content through docker cp to stdout (a tar) unpacked by tar. */
    private String catOut(String c, String path) throws Exception {
        Path t = tmp.resolve("cat-" + UUID.randomUUID() + ".tar");
        DockerCli.Result r = docker("cp", c + ":" + path, "-").assertOk();
        Files.write(t, r.out().getBytes(StandardCharsets.ISO_8859_1));
        return tar("-xOf", t.toString());
    }

    private static String tar(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tar"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    /** A one-file ustar archive whose member name is taken as given (e.g. with ..). */
    static byte[] tarWith(String name, String content) {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        byte[] header = new byte[512];
        put(header, 0, name);
        put(header, 100, "0000644");
        put(header, 108, "0000000");
        put(header, 116, "0000000");
        put(header, 124, String.format("%011o", data.length));
        put(header, 136, String.format("%011o", 1_700_000_000L));
        java.util.Arrays.fill(header, 148, 156, (byte) ' ');
        header[156] = '0';
        put(header, 257, "ustar");
        put(header, 263, "00");
        int sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        put(header, 148, String.format("%06o", sum));
        header[154] = 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header);
        out.writeBytes(data);
        out.writeBytes(new byte[(512 - data.length % 512) % 512]);
        out.writeBytes(new byte[1024]);
        return out.toByteArray();
    }

    private static void put(byte[] header, int offset, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }
}
