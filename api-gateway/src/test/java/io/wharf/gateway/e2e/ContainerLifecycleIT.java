package io.wharf.gateway.e2e;

import static io.wharf.gateway.e2e.DockerCli.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docker ps filters, rename, restart, prune, kill, stop, start -a and wait with the real CLI. */
class ContainerLifecycleIT {
    private final TestContainers containers = new TestContainers();

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

    private List<String> ps(String... args) {
        List<String> command = new ArrayList<>(List.of("ps", "--format", "{{.Names}}", "--filter", "label=run=" + containers.run()));
        command.addAll(List.of(args));
        return docker(command.toArray(String[]::new)).assertOk().out().lines().toList();
    }

    @Test
    void psFiltersSelectContainersAsDockerDoes() {
        String up = name("up");
        String failed = name("failed");
        String fresh = name("fresh");
        docker("run", "-d", "--name", up, "-l", "run=" + containers.run(), "-l", "tier=web", "busybox", "sleep", "300").assertOk();
        docker("run", "--name", failed, "-l", "run=" + containers.run(), "-l", "tier=db", "busybox", "sh", "-c", "exit 3");
        docker("create", "--name", fresh, "-l", "run=" + containers.run(), "busybox", "true").assertOk();

        assertEquals(List.of(up), ps());
        assertEquals(List.of(fresh, failed, up), ps("-a"));
        assertEquals(List.of(failed), ps("--filter", "status=exited"), "a status filter implies -a");
        assertEquals(List.of(fresh), ps("--filter", "status=created"));
        assertEquals(List.of(failed), ps("-a", "--filter", "exited=3"));
        assertEquals(List.of(), ps("-a", "--filter", "exited=0"));
        assertEquals(List.of(failed), ps("-a", "--filter", "name=^/failed-"));
        assertEquals(List.of(failed, up), ps("-a", "--filter", "label=tier"));
        assertEquals(List.of(up), ps("-a", "--filter", "label=tier=web"));
        assertEquals(List.of(fresh, failed, up), ps("-a", "--filter", "ancestor=busybox"));
        assertEquals(List.of(up), ps("-a", "--filter", "before=" + failed));
        assertEquals(List.of(fresh), ps("-a", "--filter", "since=" + failed));
        assertEquals(List.of(fresh, failed, up), ps("-a", "--filter", "health=none"));
        assertEquals(List.of(), ps("-a", "--filter", "is-task=true"));
        String id = docker("inspect", "-f", "{{.Id}}", up).assertOk().trimmed();
        assertEquals(List.of(up), ps("-a", "--filter", "id=" + id.substring(0, 10)));
        assertEquals(List.of(fresh, failed), ps("-a", "-n", "2"));

        String latest = docker("ps", "-l", "-q", "--no-trunc", "--filter", "label=run=" + containers.run()).assertOk().trimmed();
        assertEquals(docker("inspect", "-f", "{{.Id}}", fresh).assertOk().trimmed(), latest);

        DockerCli.Result bad = docker("ps", "--filter", "bogus=1");
        assertNotEquals(0, bad.exitCode());
        assertTrue(bad.err().contains("invalid filter 'bogus'"), bad.err());
        DockerCli.Result badStatus = docker("ps", "--filter", "status=sleepy");
        assertNotEquals(0, badStatus.exitCode());
        assertTrue(badStatus.err().contains("invalid filter 'status=sleepy'"), badStatus.err());
    }

    @Test
    void psShowsCreatedAgoAndSizes() {
        String c = name("sized");
        long before = Instant.now().getEpochSecond();
        docker("run", "-d", "--name", c, "-l", "run=" + containers.run(), "busybox", "sh", "-c",
                "head -c 12345 /dev/zero > /tmp/blob; sleep 300").assertOk();
        String created = docker("ps", "--format", "{{.CreatedAt}}|{{.RunningFor}}", "--filter", "name=" + c)
                .assertOk().trimmed();
        assertTrue(created.endsWith("seconds ago") || created.endsWith("Less than a second ago")
                || created.endsWith("1 second ago"), created);
        String inspectCreated = docker("inspect", "-f", "{{.Created}}", c).assertOk().trimmed();
        assertTrue(inspectCreated.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"), inspectCreated);
        long createdSeconds = Instant.parse(inspectCreated).getEpochSecond();
        assertTrue(createdSeconds >= before - 1 && createdSeconds <= Instant.now().getEpochSecond(), inspectCreated);
        long sizeRw = waitForSizeRw(c);
        assertTrue(sizeRw >= 12345, "SizeRw " + sizeRw);
        String rootFs = docker("inspect", "-s", "-f", "{{.SizeRootFs}}", c).assertOk().trimmed();
        assertTrue(Long.parseLong(rootFs) > sizeRw, rootFs);
    }

    private static long waitForSizeRw(String c) {
        for (int i = 0; i < 100; i++) {
            long size = Long.parseLong(docker("inspect", "-s", "-f", "{{.SizeRw}}", c).assertOk().trimmed());
            if (size >= 12345) {
                return size;
            }
            sleep(100);
        }
        return Long.parseLong(docker("inspect", "-s", "-f", "{{.SizeRw}}", c).assertOk().trimmed());
    }

    @Test
    void renameMovesTheNameAndRefusesOneInUse() {
        String a = name("a");
        String b = name("b");
        String renamed = name("renamed");
        long since = Instant.now().getEpochSecond() - 1;
        docker("create", "--name", a, "busybox", "true").assertOk();
        docker("create", "--name", b, "busybox", "true").assertOk();
        docker("rename", a, renamed).assertOk();
        assertEquals("/" + renamed, docker("inspect", "-f", "{{.Name}}", renamed).assertOk().trimmed());
        assertNotEquals(0, docker("inspect", a).exitCode());

        DockerCli.Result taken = docker("rename", renamed, b);
        assertNotEquals(0, taken.exitCode());
        assertTrue(taken.err().contains("Conflict. The container name \"/" + b + "\" is already in use"), taken.err());
        DockerCli.Result missing = docker("rename", "no-such-" + containers.run(), "x" + containers.run());
        assertNotEquals(0, missing.exitCode());
        assertTrue(missing.err().contains("No such container: no-such-" + containers.run()), missing.err());

        String event = events(since, renamed, "rename", "{{.Actor.Attributes.name}} {{.Actor.Attributes.oldName}}");
        assertEquals(renamed + " /" + a, event);
    }

    @Test
    void restartStopsAndStartsAgain() {
        String c = name("restart");
        long since = Instant.now().getEpochSecond() - 1;
        docker("run", "-d", "--name", c, "busybox", "sleep", "300").assertOk();
        String pid = docker("inspect", "-f", "{{.State.StartedAt}}", c).assertOk().trimmed();
        docker("restart", "-t", "1", c).assertOk();
        assertEquals("running", docker("inspect", "-f", "{{.State.Status}}", c).assertOk().trimmed());
        assertNotEquals(pid, docker("inspect", "-f", "{{.State.StartedAt}}", c).assertOk().trimmed());
        String actions = events(since, c, null, "{{.Action}}");
        List<String> list = actions.lines().toList();
        int die = list.indexOf("die");
        int stop = list.indexOf("stop");
        int restart = list.indexOf("restart");
        int start = list.lastIndexOf("start");
        assertTrue(die >= 0 && die < stop && stop < start && start < restart, actions);
    }

    @Test
    void pruneRemovesStoppedContainersOnly() {
        String keep = name("keep");
        String gone = name("gone");
        String labelled = name("labelled");
        docker("run", "-d", "--name", keep, "busybox", "sleep", "300").assertOk();
        docker("run", "--name", gone, "-l", "prune=" + containers.run(), "busybox", "true").assertOk();
        docker("create", "--name", labelled, "-l", "prune=" + containers.run(), "-l", "keep=yes", "busybox", "true").assertOk();
        String goneId = docker("inspect", "-f", "{{.Id}}", gone).assertOk().trimmed();

        String out = docker("container", "prune", "-f", "--filter", "label=prune=" + containers.run(),
                "--filter", "label!=keep").assertOk().out();
        assertTrue(out.contains("Deleted Containers:\n" + goneId + "\n"), out);
        assertTrue(out.contains("Total reclaimed space:"), out);
        assertNotEquals(0, docker("inspect", gone).exitCode());
        assertEquals(0, docker("inspect", labelled).exitCode());
        assertEquals(0, docker("inspect", keep).exitCode());

        assertTrue(docker("container", "prune", "-f", "--filter", "until=1h", "--filter", "label=prune=" + containers.run())
                .assertOk().out().contains("Total reclaimed space: 0B"));
        assertEquals(0, docker("inspect", labelled).exitCode(), "created less than an hour ago");
        DockerCli.Result bad = docker("container", "prune", "-f", "--filter", "bogus=1");
        assertNotEquals(0, bad.exitCode());
        assertTrue(bad.err().contains("invalid filter 'bogus'"), bad.err());
    }

    @Test
    void killStopStartAndWaitBehaveAsDocker() {
        String trap = name("trap");
        docker("run", "-d", "--name", trap, "busybox", "sh", "-c",
                "trap 'exit 42' HUP; touch /ready; while true; do sleep 0.1; done").assertOk();
        awaitReady(trap);
        docker("kill", "-s", "HUP", trap).assertOk();
        assertEquals("42", docker("wait", trap).assertOk().trimmed());
        DockerCli.Result notRunning = docker("kill", trap);
        assertNotEquals(0, notRunning.exitCode());
        assertTrue(notRunning.err().contains("is not running"), notRunning.err());
        DockerCli.Result badSignal = docker("kill", "-s", "NOPE", trap);
        assertNotEquals(0, badSignal.exitCode());

        String stopper = name("stopper");
        docker("create", "--name", stopper, "--stop-signal", "USR1", "--stop-timeout", "30", "busybox", "sh", "-c",
                "trap 'exit 7' USR1; touch /ready; while true; do sleep 0.1; done").assertOk();
        docker("start", stopper).assertOk();
        DockerCli.Result again = docker("start", stopper);
        assertEquals(0, again.exitCode(), again.toString());
        awaitReady(stopper);
        docker("stop", stopper).assertOk();
        assertEquals("7", docker("inspect", "-f", "{{.State.ExitCode}}", stopper).assertOk().trimmed());

        String one = name("one");
        String two = name("two");
        docker("create", "--name", one, "busybox", "sh", "-c", "exit 1").assertOk();
        docker("create", "--name", two, "busybox", "sh", "-c", "exit 2").assertOk();
        DockerCli.Result attached = docker("start", "-a", one);
        assertEquals(1, attached.exitCode(), attached.toString());
        docker("start", two).assertOk();
        assertEquals(List.of("1", "2"), docker("wait", one, two).assertOk().out().lines().toList());

        String running = name("running");
        docker("run", "-d", "--name", running, "busybox", "sleep", "300").assertOk();
        DockerCli.Result refused = docker("rm", running);
        assertNotEquals(0, refused.exitCode());
        assertTrue(refused.err().contains("You cannot remove a running container"), refused.err());
        docker("rm", "-f", running).assertOk();
        assertNotEquals(0, docker("inspect", running).exitCode());

        DockerCli.Result missing = docker("stop", "no-such-" + containers.run());
        assertNotEquals(0, missing.exitCode());
        assertTrue(missing.err().contains("No such container: no-such-" + containers.run()), missing.err());
    }

    @Test
    void restartPoliciesRestartOnExitUntilTheUserStops() {
        String failing = name("onfailure");
        long since = Instant.now().getEpochSecond() - 1;
        docker("run", "-d", "--name", failing, "--restart", "on-failure:2", "busybox", "sh", "-c", "exit 1").assertOk();
        String state = awaitInspect(failing, "{{.State.Status}} {{.RestartCount}}", "exited 2");
        assertEquals("exited 2", state, "on-failure:2 restarts twice, then stays exited");
        String actions = events(since, failing, null, "{{.Action}}");
        assertEquals(3, actions.lines().filter("die"::equals).count(), actions);
        assertEquals(3, actions.lines().filter("start"::equals).count(), actions);
        assertFalse(actions.lines().anyMatch("restart"::equals), "policy restarts are die + start: " + actions);

        String always = name("always");
        docker("run", "-d", "--name", always, "--restart", "always", "busybox", "sh", "-c", "sleep 0.2").assertOk();
        awaitInspect(always, "{{if ge .RestartCount 1}}restarted{{end}}", "restarted");
        docker("stop", "-t", "1", always).assertOk();
        String count = docker("inspect", "-f", "{{.RestartCount}}", always).assertOk().trimmed();
        docker("wait", failing).assertOk(); // a round trip, giving a wrong restart the time to show
        assertEquals("exited", docker("inspect", "-f", "{{.State.Status}}", always).assertOk().trimmed());
        assertEquals(count, docker("inspect", "-f", "{{.RestartCount}}", always).assertOk().trimmed());
    }

    /** Waits until the container's script touched /ready (its traps are set), seen through docker cp. */
    private static void awaitReady(String container) {
        for (int i = 0; i < 200 && docker("cp", container + ":/ready", "-").exitCode() != 0; i++) {
            sleep(50);
        }
    }

    /** Polls inspect until it prints {@code expected} (or gives up after ~20 s and returns the last value). */
    private static String awaitInspect(String container, String format, String expected) {
        String last = "";
        for (int i = 0; i < 200; i++) {
            last = docker("inspect", "-f", format, container).assertOk().trimmed();
            if (last.equals(expected)) {
                return last;
            }
            sleep(100);
        }
        return last;
    }

    private static String events(long since, String container, String action, String format) {
        long until = Instant.now().getEpochSecond() + 2;
        List<String> args = new ArrayList<>(List.of("events", "--since", Long.toString(since), "--until",
                Long.toString(until), "--filter", "container=" + container, "--format", format));
        if (action != null) {
            args.addAll(List.of("--filter", "event=" + action));
        }
        return DockerCli.run(Duration.ofSeconds(30), null, args.toArray(String[]::new)).assertOk().trimmed();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
