package io.wharf.gateway.e2e;

import static io.wharf.gateway.e2e.DockerCli.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The thinnest real slice: an imported image, {@code docker run --rm} through the gateway into
 * container-service, an overlay rootfs, runc, the exit code back, and the lifecycle on docker events.
 */
class FirstContainerIT {

    @BeforeAll
    static void image() throws Exception {
        TestImages.ensureBusybox();
    }

    @Test
    void importedImageIsListedAndInspectable() {
        String repoTags = docker("image", "inspect", "--format", "{{json .RepoTags}}", TestImages.BUSYBOX)
                .assertOk().trimmed();
        assertEquals("[\"busybox:latest\"]", repoTags);
        String listed = docker("images", "--format", "{{.Repository}}:{{.Tag}}").assertOk().out();
        assertTrue(listed.lines().anyMatch("busybox:latest"::equals), listed);
    }

    @Test
    void runPrintsTheOutputAndRemovesTheContainer() {
        String name = "hello-" + UUID.randomUUID().toString().substring(0, 8);
        DockerCli.Result run = docker("run", "--rm", "--name", name, "busybox", "echo", "hello");
        run.assertOk();
        assertEquals("hello\n", run.out());
        DockerCli.Result gone = docker("inspect", "--type", "container", name);
        assertNotEquals(0, gone.exitCode(), "container " + name + " should have been removed");
    }

    @Test
    void exitCodeAndStreamsComeBackSeparately() {
        DockerCli.Result run = docker("run", "--rm", "busybox", "sh", "-c", "echo out; echo err >&2; exit 3");
        assertEquals(3, run.exitCode(), run.toString());
        assertEquals("out\n", run.out());
        assertTrue(run.err().contains("err"), run.err());
    }

    @Test
    void theCommandIsPid1InItsOwnNamespaces() {
        assertEquals("1", docker("run", "--rm", "busybox", "sh", "-c", "echo $$").assertOk().trimmed());
        String hostname = docker("run", "--rm", "busybox", "hostname").assertOk().trimmed();
        assertTrue(hostname.matches("[0-9a-f]{12}"), "hostname should be the short container id: " + hostname);
        String hostHostname = docker("info", "--format", "{{.Name}}").assertOk().trimmed();
        assertNotEquals(hostHostname, hostname);
    }

    @Test
    void lifecycleEventsAppearOnDockerEvents() {
        String name = "events-" + UUID.randomUUID().toString().substring(0, 8);
        long since = Instant.now().getEpochSecond() - 1;
        docker("run", "--rm", "--name", name, "busybox", "true").assertOk();
        long until = Instant.now().getEpochSecond() + 2;
        String out = DockerCli.run(java.time.Duration.ofSeconds(30), null, "events",
                "--since", Long.toString(since), "--until", Long.toString(until),
                "--filter", "container=" + name,
                "--format", "{{.Type}} {{.Action}} {{.Actor.Attributes.name}} {{.Actor.Attributes.image}}")
                .assertOk().out();
        List<String> actions = out.lines().map(l -> l.split(" ")[1]).toList();
        assertTrue(out.lines().allMatch(l -> l.startsWith("container ") && l.endsWith(" " + name + " busybox")), out);
        int create = actions.indexOf("create");
        int start = actions.indexOf("start");
        int die = actions.indexOf("die");
        int destroy = actions.indexOf("destroy");
        assertTrue(create >= 0 && create < start && start < die && die < destroy,
                "expected create < start < die < destroy in\n" + out);
        String exitCode = DockerCli.run(java.time.Duration.ofSeconds(30), null, "events",
                "--since", Long.toString(since), "--until", Long.toString(until),
                "--filter", "container=" + name, "--filter", "event=die",
                "--format", "{{.Actor.Attributes.exitCode}}").assertOk().trimmed();
        assertEquals("0", exitCode);
    }
}
