package io.wharf.gateway.e2e;

import static io.wharf.gateway.e2e.DockerCli.docker;
import static io.wharf.gateway.e2e.DockerCli.dockerWithInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docker commit, rmi (untag vs delete, 409s, -f), image prune, history, system df and image events, with the real CLI. */
class ImageLifecycleIT {
    private final TestContainers containers = new TestContainers();
    private final TestImageNames images = new TestImageNames(containers.run());

    @BeforeAll
    static void image() throws Exception {
        TestImages.ensureBusybox();
    }

    @AfterEach
    void cleanUp() {
        containers.removeAll();
        images.removeAll();
    }

    private String image(String base) {
        return images.name(base);
    }

    /** A fresh single-layer image of its own (the shared busybox must stay untouched). */
    private String importImage(String base) throws Exception {
        String name = image(base);
        dockerWithInput(TestImages.busyboxTar(), "import", "--change", "LABEL wharf.test=" + containers.run(), "-", name)
                .assertOk();
        return name;
    }

    @Test
    void commitMakesAnImageWithTheContainersChangesAndConfig() {
        String c = containers.name("commit-src");
        docker("run", "--name", c, "-e", "FROM_RUN=1", "busybox", "sh", "-c",
                "echo committed > /hello; rm /bin/vi").assertOk();
        String repo = image("committed");
        String id = docker("commit", "-m", "a message", "-a", "An Author", "--change", "CMD [\"cat\", \"/hello\"]",
                "--change", "ENV EXTRA=yes", "--change", "WORKDIR /tmp", c, repo + ":v1").assertOk().trimmed();
        assertTrue(id.startsWith("sha256:"), id);
        assertEquals("committed", docker("run", "--rm", repo + ":v1").assertOk().trimmed());
        assertNotEquals(0, docker("run", "--rm", repo + ":v1", "ls", "/bin/vi").exitCode(), "deletion committed");
        assertEquals("/tmp", docker("run", "--rm", repo + ":v1", "pwd").assertOk().trimmed());
        String env = docker("run", "--rm", repo + ":v1", "env").assertOk().out();
        assertTrue(env.contains("FROM_RUN=1") && env.contains("EXTRA=yes"), env);
        String inspect = docker("image", "inspect", "--format",
                "{{.Comment}}|{{.Author}}|{{.Parent}}|{{len .RootFS.Layers}}|{{.GraphDriver.Name}}", repo + ":v1")
                .assertOk().trimmed();
        String parent = docker("image", "inspect", "--format", "{{.Id}}", "busybox").assertOk().trimmed();
        assertEquals("a message|An Author|" + parent + "|2|overlay2", inspect);

        List<String> history = docker("history", "--no-trunc", "--format", "{{.ID}}|{{.CreatedBy}}|{{.Comment}}",
                repo + ":v1").assertOk().out().lines().toList();
        assertEquals(id + "|sh -c echo committed > /hello; rm /bin/vi|a message", history.get(0));
        assertEquals(parent + "||Imported from -", history.get(1));

        String running = containers.name("commit-running");
        docker("run", "-d", "--name", running, "busybox", "sh", "-c", "echo live > /live; sleep 300").assertOk();
        docker("exec", running, "sh", "-c", "test -f /live").assertOk();
        String live = image("committed-live");
        docker("commit", "--pause=false", running, live).assertOk();
        assertEquals("live", docker("run", "--rm", live, "cat", "/live").assertOk().trimmed());
        docker("commit", running, live + ":paused").assertOk();
        assertEquals("running", docker("inspect", "--format", "{{.State.Status}}", running).assertOk().trimmed(),
                "unpaused after the commit");
        String unchanged = containers.name("commit-unchanged");
        docker("run", "--name", unchanged, "busybox", "true").assertOk();
        String same = image("committed-same");
        docker("commit", unchanged, same).assertOk();
        assertEquals("1", docker("image", "inspect", "--format", "{{len .RootFS.Layers}}", same).assertOk().trimmed(),
                "no change, no layer (an empty_layer history entry)");
        assertEquals("0B", docker("history", "--format", "{{.Size}}", same).assertOk().out().lines().findFirst()
                .orElseThrow());
        DockerCli.Result missing = docker("commit", "no-such-container-" + containers.run());
        assertNotEquals(0, missing.exitCode());
        assertTrue(missing.err().contains("No such container"), missing.err());
    }

    @Test
    void rmiUntagsThenDeletesAndRespectsContainers() throws Exception {
        String name = importImage("rmi");
        String id = docker("image", "inspect", "--format", "{{.Id}}", name).assertOk().trimmed();
        docker("tag", name, name + ":second").assertOk();
        assertEquals("Untagged: " + name + ":second", docker("rmi", name + ":second").assertOk().trimmed());

        String c = containers.name("rmi-user");
        docker("run", "-d", "--name", c, name, "sleep", "300").assertOk();
        String shortContainer = docker("inspect", "--format", "{{.Id}}", c).assertOk().trimmed().substring(0, 12);
        String shortId = id.substring(7, 19);
        DockerCli.Result refused = docker("rmi", name);
        assertNotEquals(0, refused.exitCode());
        assertTrue(refused.err().contains("conflict: unable to remove repository reference \"" + name
                + "\" (must force) - container " + shortContainer + " is using its referenced image " + shortId),
                refused.err());
        DockerCli.Result running = docker("rmi", "-f", id);
        assertTrue(running.err().contains("conflict: unable to delete " + shortId
                + " (cannot be forced) - image is being used by running container " + shortContainer), running.err());

        docker("stop", "-t", "0", c).assertOk();
        docker("tag", name, name + ":other").assertOk();
        docker("tag", name, image("rmi-other") + ":other").assertOk();
        DockerCli.Result multiple = docker("rmi", id);
        assertTrue(multiple.err().contains("conflict: unable to delete " + shortId
                + " (must be forced) - image is referenced in multiple repositories"), multiple.err());

        String forced = docker("rmi", "-f", id).assertOk().out();
        assertTrue(forced.contains("Untagged: " + name + ":latest") && forced.contains("Untagged: " + name + ":other")
                && forced.contains("Deleted: " + id), forced);
        assertNotEquals(0, docker("image", "inspect", id).exitCode());
        assertEquals(id, docker("inspect", "--format", "{{.Image}}", c).assertOk().trimmed(), "the container keeps it");
        containers.removeAll();

        String plain = importImage("rmi-plain");
        String plainId = docker("image", "inspect", "--format", "{{.Id}}", plain).assertOk().trimmed();
        String out = docker("rmi", plain).assertOk().out();
        assertTrue(out.startsWith("Untagged: " + plain + ":latest\nDeleted: " + plainId), out);
    }

    @Test
    void pruneRemovesDanglingThenUnusedImages() throws Exception {
        String name = importImage("prune");
        String danglingId = docker("image", "inspect", "--format", "{{.Id}}", name).assertOk().trimmed();
        importImage("prune"); // takes the tag: the first image is left dangling
        String keptId = docker("image", "inspect", "--format", "{{.Id}}", name).assertOk().trimmed();
        assertTrue(docker("images", "-q", "--no-trunc", "--filter", "dangling=true").assertOk().out().contains(danglingId));
        String used = importImage("prune-used");
        String c = containers.name("prune-user");
        docker("create", "--name", c, used, "true").assertOk();

        String label = "label=wharf.test=" + containers.run();
        String dangling = docker("image", "prune", "-f", "--filter", label).assertOk().out();
        assertTrue(dangling.contains("deleted: " + danglingId) && dangling.contains("Total reclaimed space:"), dangling);
        assertNotEquals(0, docker("image", "inspect", danglingId).exitCode());
        assertEquals(0, docker("image", "inspect", name).exitCode(), "tagged images survive a dangling prune");

        String all = docker("image", "prune", "-a", "-f", "--filter", label).assertOk().out();
        assertTrue(all.contains("untagged: " + name + ":latest") && all.contains("deleted: " + keptId), all);
        assertFalse(all.contains(used), "an image a container uses is kept: " + all);
        assertEquals(0, docker("image", "inspect", used).exitCode());
        assertNotEquals(0, docker("image", "inspect", keptId).exitCode());
    }

    @Test
    void systemDfCountsImagesAndContainers() throws Exception {
        String name = importImage("df");
        String c = containers.name("df-user");
        docker("create", "--name", c, name, "true").assertOk();
        String df = docker("system", "df", "--format", "{{.Type}}|{{.TotalCount}}|{{.Active}}").assertOk().out();
        assertTrue(df.lines().anyMatch(l -> l.startsWith("Images|") && !l.endsWith("|0")), df);
        assertTrue(df.contains("Build Cache|0|0"), df);
        String verbose = docker("system", "df", "-v").assertOk().out();
        assertTrue(verbose.contains(name) && verbose.contains(c), verbose);
        assertTrue(verbose.lines().anyMatch(l -> l.startsWith(name) && l.trim().endsWith("1")),
                "one container uses it: " + verbose);
    }

    @Test
    void imageEventsCarryDockersActionsAndAttributes() throws Exception {
        long since = Instant.now().getEpochSecond() - 1;
        String name = importImage("events");
        String id = docker("image", "inspect", "--format", "{{.Id}}", name).assertOk().trimmed();
        docker("tag", name, name + ":two").assertOk();
        Path archive = java.nio.file.Files.createTempFile("wharf-events", ".tar");
        try {
            docker("save", "-o", archive.toString(), name + ":two").assertOk();
            docker("rmi", name + ":two").assertOk();
            docker("load", "-i", archive.toString()).assertOk();
            docker("rmi", "-f", id).assertOk();
        } finally {
            java.nio.file.Files.deleteIfExists(archive);
        }
        long until = Instant.now().getEpochSecond() + 1;
        List<String> events = docker("events", "--since", Long.toString(since), "--until", Long.toString(until),
                "--filter", "type=image", "--filter", "image=" + id, "--format",
                "{{.Action}} {{.Actor.Attributes.name}} {{index .Actor.Attributes \"wharf.test\"}}")
                .assertOk().out().lines().toList();
        String run = containers.run();
        assertEquals(List.of("tag " + name + ":latest " + run, "import " + id + " " + run,
                "tag " + name + ":two " + run, "save " + id + " " + run, "untag " + id + " " + run,
                "tag " + name + ":two " + run, "load " + id + " " + run, "untag " + id + " " + run,
                "untag " + id + " " + run, "delete " + id + " "), events);
    }
}
