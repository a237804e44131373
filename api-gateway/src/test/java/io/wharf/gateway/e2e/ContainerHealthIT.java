package io.wharf.gateway.e2e;

import static io.wharf.gateway.e2e.DockerCli.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Health checks probed inside the container, and the OOM killer seen by inspect and events. */
class ContainerHealthIT {
    /** Polls of inspect before giving up on a status (bounded, not timed). */
    private static final int POLLS = 60;
    private final TestContainers containers = new TestContainers();

    @BeforeAll
    static void image() throws Exception {
        TestImages.ensureBusybox();
    }

    @AfterEach
    void cleanUp() {
        containers.removeAll();
    }

    private String name(String prefix) {
        return containers.name(prefix);
    }

    private static String health(String name) {
        return docker("inspect", "-f", "{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}", name)
                .assertOk().trimmed();
    }

    /** Inspect until the health status is {@code wanted} or a bounded number of polls went by. */
    private static String awaitHealth(String name, String wanted) throws InterruptedException {
        String status = health(name);
        for (int i = 0; i < POLLS && !status.equals(wanted); i++) {
            Thread.sleep(500);
            status = health(name);
        }
        return status;
    }

    private static String events(long since, String name) {
        long until = Instant.now().getEpochSecond() + 1;
        return DockerCli.run(Duration.ofSeconds(30), null, "events", "--since", Long.toString(since), "--until",
                Long.toString(until), "--filter", "container=" + name, "--format", "{{.Action}}").assertOk().out();
    }

    @Test
    void aPassingCheckMakesTheContainerHealthy() throws Exception {
        String name = name("healthy");
        long since = Instant.now().getEpochSecond() - 1;
        docker("run", "-d", "--name", name, "--health-cmd", "true", "--health-interval", "1s", "busybox",
                "sleep", "300").assertOk();
        assertEquals("healthy", awaitHealth(name, "healthy"));
        String status = docker("ps", "--filter", "name=" + name, "--format", "{{.Status}}").assertOk().trimmed();
        assertTrue(status.matches("Up .* \\(healthy\\)"), status);
        assertEquals(name, docker("ps", "--filter", "health=healthy", "--filter", "name=" + name, "--format",
                "{{.Names}}").assertOk().trimmed());
        assertEquals("", docker("ps", "--filter", "health=unhealthy", "--filter", "name=" + name, "--format",
                "{{.Names}}").assertOk().trimmed());
        String log = docker("inspect", "-f", "{{range .State.Health.Log}}{{.ExitCode}} {{end}}", name).assertOk()
                .trimmed();
        assertTrue(log.startsWith("0"), log);
        assertTrue(events(since, name).lines().anyMatch("health_status: healthy"::equals), events(since, name));
    }

    @Test
    void failingChecksMakeItUnhealthyAfterTheRetries() throws Exception {
        String name = name("unhealthy");
        long since = Instant.now().getEpochSecond() - 1;
        docker("run", "-d", "--name", name, "--health-cmd", "echo broken; exit 1", "--health-interval", "1s",
                "--health-retries", "2", "busybox", "sleep", "300").assertOk();
        assertEquals("unhealthy", awaitHealth(name, "unhealthy"));
        assertEquals("2", docker("inspect", "-f", "{{.State.Health.FailingStreak}}", name).assertOk().trimmed());
        String output = docker("inspect", "-f", "{{(index .State.Health.Log 0).Output}}", name).assertOk().out();
        assertTrue(output.contains("broken"), output);
        String status = docker("ps", "--filter", "health=unhealthy", "--filter", "name=" + name, "--format",
                "{{.Status}}").assertOk().trimmed();
        assertTrue(status.matches("Up .* \\(unhealthy\\)"), status);
        String events = events(since, name);
        assertTrue(events.lines().anyMatch("health_status: unhealthy"::equals), events);
    }

    @Test
    void aStartingContainerShowsHealthStarting() {
        String name = name("starting");
        docker("run", "-d", "--name", name, "--health-cmd", "true", "--health-interval", "1h", "busybox",
                "sleep", "300").assertOk();
        assertEquals("starting", health(name));
        String status = docker("ps", "--filter", "name=" + name, "--format", "{{.Status}}").assertOk().trimmed();
        assertTrue(status.endsWith("(health: starting)"), status);
    }

    @Test
    void noHealthcheckLeavesTheContainerWithoutHealth() {
        String name = name("nohealth");
        docker("run", "-d", "--name", name, "--no-healthcheck", "busybox", "sleep", "300").assertOk();
        assertEquals("[\"NONE\"]", docker("inspect", "-f", "{{json .Config.Healthcheck.Test}}", name).assertOk()
                .trimmed());
        assertEquals("none", health(name));
        assertEquals(name, docker("ps", "--filter", "health=none", "--filter", "name=" + name, "--format",
                "{{.Names}}").assertOk().trimmed());
        String status = docker("ps", "--filter", "name=" + name, "--format", "{{.Status}}").assertOk().trimmed();
        assertTrue(status.matches("Up [^(]*"), status);
    }

    @Test
    void theOomKillerIsReportedByInspectAndEvents() {
        String name = name("oom");
        long since = Instant.now().getEpochSecond() - 1;
        DockerCli.Result run = docker("run", "--name", name, "-m", "8m", "--memory-swap", "8m", "busybox", "sh",
                "-c", "x=$(head -c 64m /dev/zero | tr '\\0' a); echo survived");
        assertEquals(137, run.exitCode(), run.toString());
        assertEquals("true 137", docker("inspect", "-f", "{{.State.OOMKilled}} {{.State.ExitCode}}", name)
                .assertOk().trimmed());
        List<String> actions = events(since, name).lines().toList();
        int oom = actions.indexOf("oom");
        int die = actions.indexOf("die");
        assertTrue(oom >= 0 && oom < die, "expected oom before die in " + actions);
    }

    @Test
    void aNormalExitIsNotAnOomKill() {
        String name = name("nooom");
        docker("run", "--name", name, "-m", "64m", "busybox", "true").assertOk();
        assertEquals("false", docker("inspect", "-f", "{{.State.OOMKilled}}", name).assertOk().trimmed());
    }
}
