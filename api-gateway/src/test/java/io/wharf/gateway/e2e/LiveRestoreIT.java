package io.wharf.gateway.e2e;

import static io.wharf.gateway.e2e.DockerCli.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Live restore: containers outlive a crash of container-service (kill -9), with their networking (published
 * port, names on a user network), and restart policies apply when it starts again. Restarts only
 * container-service, with {@code ./wharf up}, which waits for its health before this class returns.
 */
class LiveRestoreIT {
    private static final Pattern TICK = Pattern.compile("tick (\\d+)");
    private final TestContainers containers = new TestContainers();

    @BeforeAll
    static void image() throws Exception {
        TestImages.ensureBusybox();
    }

    @AfterEach
    void cleanUp() throws Exception {
        // a failure between the kill and the restart must not leave the platform without its agent
        wharfUp();
        containers.removeAll();
        docker("network", "rm", "lr-" + containers.run());
    }

    private String name(String base) {
        return containers.name(base);
    }

    @Test
    void containersSurviveACrashOfContainerService() throws Exception {
        Path runRoot = Path.of(env("WHARF_RUN_ROOT"));
        env("WHARF_DATA_ROOT");
        String lr = name("lr");
        String ex = name("ex");
        docker("run", "-d", "--name", lr, "busybox", "sh", "-c",
                "i=0; while true; do echo tick $i; i=$((i+1)); sleep 0.2; done").assertOk();
        String net = "lr-" + containers.run();
        docker("network", "create", net).assertOk();
        String web = name("lrweb");
        docker("run", "-d", "--name", web, "--network", net, "-p", "127.0.0.1::80", "busybox", "httpd", "-f", "-p", "80",
                "-h", "/etc").assertOk();
        String webId = docker("inspect", "-f", "{{.Id}}", web).assertOk().trimmed().substring(0, 12);
        String binding = docker("port", web, "80").assertOk().trimmed();
        int port = Integer.parseInt(binding.substring(binding.lastIndexOf(':') + 1));
        assertEquals(webId, httpGet(port));
        String exId = docker("run", "-d", "--name", ex, "busybox", "sh", "-c", "sleep 1; exit 3").assertOk().trimmed();
        String pid = docker("inspect", "-f", "{{.State.Pid}}", lr).assertOk().trimmed();
        assertTrue(Integer.parseInt(pid) > 0, pid);
        int lastBefore = awaitTick(lr, 0);

        killContainerService(runRoot);
        // ex exits while the agent is down: conmon writes its exit file
        Path exitFile = runRoot.resolve("exits").resolve(exId);
        for (int i = 0; i < 300 && !Files.exists(exitFile); i++) {
            Thread.sleep(100);
        }
        assertTrue(Files.exists(exitFile), "conmon recorded the exit of " + ex + " while the agent was down");
        wharfUp();

        assertEquals("true " + pid, docker("inspect", "-f", "{{.State.Running}} {{.State.Pid}}", lr).assertOk().trimmed(),
                "the container kept running with the same pid");
        String logs = docker("logs", lr).assertOk().out();
        assertTrue(logs.startsWith("tick 0\n"), "the earliest ticks are still in the log: " + head(logs));
        awaitTick(lr, lastBefore + 1);
        assertEquals(webId, httpGet(port), "the published port still answers after the agent restarted");
        String byName = docker("run", "--rm", "--network", net, "busybox", "sh", "-c",
                "printf 'GET /hostname HTTP/1.0\\r\\n\\r\\n' | nc -w 3 " + web + " 80").assertOk().out();
        assertTrue(byName.lines().anyMatch(webId::equals), "names still resolve after the agent restarted: " + byName);
        docker("stop", "-t", "1", lr).assertOk();
        assertEquals("false", docker("inspect", "-f", "{{.State.Running}}", lr).assertOk().trimmed());

        assertEquals("3", docker("inspect", "-f", "{{.State.ExitCode}}", ex).assertOk().trimmed());
        String status = docker("ps", "-a", "--filter", "name=^/" + ex + "$", "--format", "{{.Status}}").assertOk().trimmed();
        assertTrue(status.startsWith("Exited (3)"), status);
    }

    private static String httpGet(int port) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hostname"))
                .build(), HttpResponse.BodyHandlers.ofString()).body().trim();
    }

    @Test
    void restartPoliciesApplyWhenTheAgentStartsAgain() throws Exception {
        Path runRoot = Path.of(env("WHARF_RUN_ROOT"));
        String always = name("always");
        String unlessStopped = name("unless-stopped");
        docker("run", "-d", "--restart", "always", "--name", always, "busybox", "sleep", "1000").assertOk();
        docker("run", "-d", "--restart", "unless-stopped", "--name", unlessStopped, "busybox", "sleep", "1000").assertOk();
        docker("stop", "-t", "0", always, unlessStopped).assertOk();

        killContainerService(runRoot);
        wharfUp();

        // as dockerd at its start: "always" starts even after a manual stop, "unless-stopped" stays stopped
        for (int i = 0; i < 100 && !running(always); i++) {
            Thread.sleep(100);
        }
        assertEquals("true", docker("inspect", "-f", "{{.State.Running}}", always).assertOk().trimmed());
        assertEquals("false", docker("inspect", "-f", "{{.State.Running}}", unlessStopped).assertOk().trimmed());
        // and a stop through the API still holds for the running one
        docker("stop", "-t", "0", always).assertOk();
        assertEquals("false", docker("inspect", "-f", "{{.State.Running}}", always).assertOk().trimmed());
    }

    private static boolean running(String name) {
        return docker("inspect", "-f", "{{.State.Running}}", name).assertOk().trimmed().equals("true");
    }

    /** Polls the log until a tick at least {@code atLeast} shows up; returns the highest seen. */
    private static int awaitTick(String name, int atLeast) throws InterruptedException {
        int highest = -1;
        for (int i = 0; i < 300; i++) {
            Matcher m = TICK.matcher(docker("logs", name).assertOk().out());
            while (m.find()) {
                highest = Math.max(highest, Integer.parseInt(m.group(1)));
            }
            if (highest >= atLeast) {
                return highest;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(name + " never logged tick " + atLeast + " (highest: " + highest + ")");
    }

    private static void killContainerService(Path runRoot) throws Exception {
        Path pidFile = runRoot.resolve("pids").resolve("container-service.pid");
        assertTrue(Files.exists(pidFile), "no " + pidFile + ": is the platform running from this run root?");
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        ProcessHandle handle = ProcessHandle.of(pid)
                .orElseThrow(() -> new AssertionError("container-service (pid " + pid + ") is not running"));
        assertTrue(handle.destroyForcibly(), "kill -9 " + pid);
        handle.onExit().get(30, TimeUnit.SECONDS);
    }

    /** {@code ./wharf up} from the repository root: starts what is not running and waits for health. */
    private static void wharfUp() throws IOException, InterruptedException {
        Path root = Path.of("").toAbsolutePath().getParent();
        Path wharf = root.resolve("wharf");
        assertTrue(Files.isExecutable(wharf), "no launcher at " + wharf + " (tests run from api-gateway/)");
        File output = File.createTempFile("wharf-up", ".log");
        try {
            Process p = new ProcessBuilder(wharf.toString(), "up").directory(root.toFile())
                    .redirectErrorStream(true).redirectOutput(output)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("wharf up did not finish: " + Files.readString(output.toPath()));
            }
            assertEquals(0, p.exitValue(), "wharf up failed: " + Files.readString(output.toPath()));
        } finally {
            Files.deleteIfExists(output.toPath());
        }
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run the end-to-end suite through './wharf test'"
                    + " (or export the platform's WHARF_RUN_ROOT, WHARF_DATA_ROOT and WHARF_PORT_BASE)");
        }
        return value;
    }

    private static String head(String logs) {
        return logs.length() > 200 ? logs.substring(0, 200) : logs;
    }
}
