package io.wharf.gateway.e2e;

import static io.wharf.gateway.e2e.DockerCli.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Docker's volume plugin protocol end to end: a plugin written for the suite
 * ({@code src/test/resources/volume-plugin.py}, JSON over HTTP on a unix socket) in the platform's
 * private plugin directory ({@code $WHARF_RUN_ROOT/plugins}), used by {@code docker volume create -d}
 * and {@code docker run -v}; found through its socket and through a {@code .spec} file.
 */
class VolumePluginIT {
    private final TestContainers containers = new TestContainers();
    private Path pluginDir;
    private Path socket;
    private Path spec;
    private Process plugin;
    private String driver;

    @TempDir
    Path tmp;

    @BeforeAll
    static void image() throws Exception {
        TestImages.ensureBusybox();
    }

    @BeforeEach
    void startPlugin() throws Exception {
        String runRoot = System.getenv("WHARF_RUN_ROOT");
        if (runRoot == null || runRoot.isBlank()) {
            throw new IllegalStateException("WHARF_RUN_ROOT is not set: run the end-to-end suite through './wharf test'"
                    + " (or export the platform's WHARF_RUN_ROOT)");
        }
        pluginDir = Path.of(runRoot, "plugins");
        Files.createDirectories(pluginDir);
        driver = "wharftest-" + containers.run();
        socket = pluginDir.resolve(driver + ".sock");
        Files.createDirectories(tmp.resolve("volumes"));
        Path script = Path.of(VolumePluginIT.class.getResource("/volume-plugin.py").toURI());
        plugin = new ProcessBuilder("python3", script.toString(), socket.toString(), tmp.resolve("volumes").toString(),
                tmp.resolve("calls.log").toString(), "known-" + containers.run()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("plugin.out").toFile()).start();
        for (int i = 0; i < 100 && !Files.exists(socket); i++) {
            if (!plugin.isAlive()) {
                throw new IllegalStateException("the test plugin exited: " + Files.readString(tmp.resolve("plugin.out")));
            }
            Thread.sleep(50);
        }
        assertTrue(Files.exists(socket), "the test plugin did not create its socket");
    }

    @AfterEach
    void stopPlugin() throws Exception {
        containers.removeAll();
        for (String v : List.of("pv", "pv2", "pv3", "sv", "bad")) {
            docker("volume", "rm", "-f", v + "-" + containers.run());
        }
        plugin.destroy();
        plugin.waitFor(10, TimeUnit.SECONDS);
        Files.deleteIfExists(socket);
        if (spec != null) {
            Files.deleteIfExists(spec);
        }
    }

    private List<String> calls() throws Exception {
        Path log = tmp.resolve("calls.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    @Test
    void pluginVolumesAreCreatedMountedUnmountedAndRemovedThroughTheProtocol() throws Exception {
        String pv = "pv-" + containers.run();
        assertEquals(pv, docker("volume", "create", "-d", driver, "-o", "k=v", pv).assertOk().trimmed());
        assertEquals(driver + " global " + tmp.resolve("volumes").resolve(pv) + " map[k:v] map[plugin:wharf-test]",
                docker("volume", "inspect", "-f", "{{.Driver}} {{.Scope}} {{.Mountpoint}} {{.Options}} {{.Status}}", pv)
                        .assertOk().trimmed());
        // ls shows Wharf's volume and, through VolumeDriver.List, the one the plugin had already
        assertEquals(driver + " known-" + containers.run() + "\n" + driver + " " + pv, docker("volume", "ls", "--filter",
                "driver=" + driver, "--format", "{{.Driver}} {{.Name}}").assertOk().trimmed());

        String c = containers.name("plugc");
        docker("run", "--name", c, "-v", pv + ":/p", "busybox", "sh", "-c", "echo via-plugin > /p/f").assertOk();
        assertEquals("via-plugin\n", Files.readString(tmp.resolve("volumes").resolve(pv).resolve("f")));
        String id = docker("inspect", "-f", "{{.Id}}", c).assertOk().trimmed();
        assertEquals("volume " + pv + " " + driver, docker("inspect", "-f", "{{range .Mounts}}{{.Type}} {{.Name}} {{.Driver}}{{end}}", c)
                .assertOk().trimmed());
        docker("rm", c).assertOk();

        // --volume-driver: a new name is created by the plugin
        String pv2 = "pv2-" + containers.run();
        assertEquals("via-plugin", docker("run", "--rm", "--volume-driver", driver, "-v", pv2 + ":/q", "-v", pv + ":/p",
                "busybox", "cat", "/p/f").assertOk().trimmed());
        assertEquals(driver, docker("volume", "inspect", "-f", "{{.Driver}}", pv2).assertOk().trimmed());

        // --mount with volume-driver and volume-opt
        String pv3 = "pv3-" + containers.run();
        docker("run", "--rm", "--mount", "type=volume,src=" + pv3 + ",dst=/m,volume-driver=" + driver + ",volume-opt=size=1",
                "busybox", "touch", "/m/t").assertOk();
        assertEquals(driver + " map[size:1]", docker("volume", "inspect", "-f", "{{.Driver}} {{.Options}}", pv3).assertOk().trimmed());
        assertTrue(Files.exists(tmp.resolve("volumes").resolve(pv3).resolve("t")));

        docker("volume", "rm", pv, pv2, pv3).assertOk();
        assertFalse(Files.exists(tmp.resolve("volumes").resolve(pv)));
        List<String> calls = calls();
        assertEquals("Create " + pv, calls.get(0), calls.toString());
        assertTrue(calls.contains("Mount " + pv + " " + id), calls.toString());
        assertTrue(calls.contains("Unmount " + pv + " " + id), calls.toString());
        assertTrue(calls.indexOf("Mount " + pv + " " + id) < calls.indexOf("Unmount " + pv + " " + id), calls.toString());
        assertTrue(calls.contains("Create " + pv2), calls.toString());
        assertTrue(calls.contains("Remove " + pv) && calls.contains("Remove " + pv2), calls.toString());
    }

    @Test
    void pluginErrorsReachTheClientAsDockerReportsThem() throws Exception {
        String bad = "bad-" + containers.run();
        DockerCli.Result failed = docker("volume", "create", "-d", driver, "-o", "fail=disk on fire", bad);
        assertNotEquals(0, failed.exitCode());
        assertTrue(failed.err().contains("Error response from daemon: create " + bad + ": disk on fire"), failed.err());
        assertNotEquals(0, docker("volume", "inspect", bad).exitCode(), "a failed create leaves no volume");

        docker("volume", "create", "-d", driver, "-o", "mountfail=no mount today", bad).assertOk();
        DockerCli.Result mount = docker("run", "--rm", "-v", bad + ":/x", "busybox", "true");
        assertNotEquals(0, mount.exitCode());
        assertTrue(mount.err().contains("no mount today"), mount.err());
        docker("volume", "rm", bad).assertOk();

        String missing = "nosuch-" + containers.run();
        DockerCli.Result notFound = docker("volume", "create", "-d", missing, "x-" + containers.run());
        assertNotEquals(0, notFound.exitCode());
        assertTrue(notFound.err().contains("error looking up volume plugin " + missing + ": plugin \"" + missing
                + "\" not found"), notFound.err());
    }

    @Test
    void aSpecFileFindsThePlugin() throws Exception {
        String specDriver = "spec-" + containers.run();
        spec = pluginDir.resolve(specDriver + ".spec");
        Files.writeString(spec, "unix://" + socket + "\n");
        String sv = "sv-" + containers.run();
        docker("volume", "create", "-d", specDriver, sv).assertOk();
        assertEquals(specDriver, docker("volume", "inspect", "-f", "{{.Driver}}", sv).assertOk().trimmed());
        assertTrue(Files.isDirectory(tmp.resolve("volumes").resolve(sv)));
        docker("volume", "rm", sv).assertOk();
        assertTrue(calls().contains("Remove " + sv));
    }
}
