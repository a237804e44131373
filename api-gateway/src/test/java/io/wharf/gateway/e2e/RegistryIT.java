package io.wharf.gateway.e2e;

import static io.wharf.gateway.e2e.DockerCli.docker;
import static io.wharf.gateway.e2e.DockerCli.dockerWithInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Push and pull with the real docker CLI against Debian's docker-registry on loopback (plain HTTP,
 * insecure by default as 127.0.0.0/8 is for dockerd): a round trip by tag and by digest, the layer
 * uploaded once, a cross-repository mount, --all-tags, Docker's progress lines and errors, the events.
 */
class RegistryIT {
    private static final Pattern PUSHED_DIGEST = Pattern.compile(": digest: (sha256:[a-f0-9]{64}) size: \\d+");
    private static RegistryServer registry;
    private static Path busyboxTar;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void start() throws Exception {
        registry = RegistryServer.start(RegistryServer.Options.plain());
        busyboxTar = TestImages.busyboxTar();
    }

    @AfterAll
    static void stop() throws Exception {
        if (registry != null) {
            registry.close();
        }
        if (busyboxTar != null) {
            Files.deleteIfExists(busyboxTar);
        }
    }

    /** A fresh image of its own under {@code ref}: busybox plus a file unique to it, so its layer is new to the registry. */
    private String importImage(String ref) throws Exception {
        Path dir = Files.createTempDirectory("wharf-layer");
        Path tar = Files.createTempFile("wharf-image", ".tar");
        try {
            Files.createDirectories(dir.resolve("etc"));
            Files.writeString(dir.resolve("etc/wharf-image"), ref + " " + UUID.randomUUID() + "\n");
            Files.copy(busyboxTar, tar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            RegistryServer.run(dir, "tar", "--numeric-owner", "-rf", tar.toString(), "./etc/wharf-image");
            return dockerWithInput(tar, "import", "-", ref).assertOk().trimmed();
        } finally {
            Files.deleteIfExists(tar);
            Files.deleteIfExists(dir.resolve("etc/wharf-image"));
            Files.deleteIfExists(dir.resolve("etc"));
            Files.deleteIfExists(dir);
        }
    }

    private static String since() {
        return docker("system", "info", "--format", "{{.SystemTime}}").assertOk().trimmed();
    }

    @Test
    void pushesThenPullsBackByTagAndByDigestAndRuns() throws Exception {
        String path = "wharf/rt-" + run;
        String repo = registry.address() + "/" + path;
        String id = importImage(repo + ":1");
        String start = since();
        try {
            DockerCli.Result push = docker("push", repo + ":1").assertOk();
            assertTrue(push.out().contains("The push refers to repository [" + repo + "]"), push.out());
            assertTrue(push.out().contains(": Pushed"), push.out());
            Matcher m = PUSHED_DIGEST.matcher(push.out());
            assertTrue(m.find(), push.out());
            String digest = m.group(1);
            long uploads = registry.blobUploads(path);
            assertEquals(2, uploads, "layer and config uploaded once each");

            DockerCli.Result again = docker("push", repo + ":1").assertOk();
            assertTrue(again.out().contains(": Layer already exists"), again.out());
            assertTrue(again.out().contains("1: digest: " + digest), again.out());
            assertEquals(uploads, registry.blobUploads(path), "the second push uploads nothing");
            assertTrue(docker("image", "inspect", "-f", "{{json .RepoDigests}}", repo + ":1").assertOk().out()
                    .contains(repo + "@" + digest));

            docker("rmi", repo + ":1").assertOk();
            assertNotEquals(0, docker("image", "inspect", id).exitCode(), "the image is gone before the pull");

            DockerCli.Result pull = docker("pull", repo + ":1").assertOk();
            assertTrue(pull.out().contains("1: Pulling from " + repo), pull.out());
            assertTrue(pull.out().contains(": Pull complete"), pull.out());
            assertTrue(pull.out().contains("Digest: " + digest), pull.out());
            assertTrue(pull.out().contains("Status: Downloaded newer image for " + repo + ":1"), pull.out());
            assertEquals(id, docker("image", "inspect", "-f", "{{.Id}}", repo + ":1").assertOk().trimmed(),
                    "content addressed: the same image id comes back");
            assertEquals("pulled", docker("run", "--rm", repo + ":1", "echo", "pulled").assertOk().trimmed());

            DockerCli.Result upToDate = docker("pull", repo + ":1").assertOk();
            assertTrue(upToDate.out().contains("Status: Image is up to date for " + repo + ":1"), upToDate.out());

            docker("rmi", repo + ":1").assertOk();
            DockerCli.Result byDigest = docker("pull", repo + "@" + digest).assertOk();
            assertTrue(byDigest.out().contains("Status: Downloaded newer image for " + repo + "@" + digest),
                    byDigest.out());
            assertEquals("by-digest", docker("run", "--rm", repo + "@" + digest, "echo", "by-digest").assertOk()
                    .trimmed());
            assertTrue(docker("images", "--digests", "--format", "{{.Repository}} {{.Digest}}").assertOk().out()
                    .contains(repo + " " + digest));

            String events = docker("events", "--since", start, "--until", since(), "--filter", "type=image",
                    "--format", "{{.Action}} {{.Actor.ID}} {{.Actor.Attributes.name}}").assertOk().out();
            assertTrue(events.contains("push " + repo + ":1 " + repo + ":1"), events);
            assertTrue(events.contains("pull " + repo + ":1 " + repo + ":1"), events);
            assertTrue(events.contains("pull " + repo + "@" + digest), events);
        } finally {
            docker("rmi", "-f", repo + ":1");
            docker("rmi", "-f", id);
        }
    }

    @Test
    void aLayerTheRegistryHasInAnotherRepositoryIsMountedNotUploaded() throws Exception {
        String first = registry.address() + "/wharf/one-" + run;
        String second = registry.address() + "/wharf/two-" + run;
        String id = importImage(first + ":a");
        try {
            docker("push", first + ":a").assertOk();
            docker("tag", first + ":a", second + ":b").assertOk();
            DockerCli.Result push = docker("push", second + ":b").assertOk();
            assertTrue(push.out().contains(": Mounted from wharf/one-" + run), push.out());
            assertEquals(1, registry.blobUploads("wharf/two-" + run), "only the config is uploaded: " + push.out());
        } finally {
            docker("rmi", "-f", id);
        }
    }

    @Test
    void pullsEveryTagWithAllTags() throws Exception {
        String repo = registry.address() + "/wharf/all-" + run;
        String id = importImage(repo + ":x");
        try {
            docker("tag", repo + ":x", repo + ":y").assertOk();
            docker("push", "--all-tags", repo).assertOk();
            docker("rmi", repo + ":x", repo + ":y").assertOk();
            DockerCli.Result pull = DockerCli.run(Duration.ofSeconds(120), null, "pull", "--all-tags", repo).assertOk();
            assertTrue(pull.out().contains("x: Pulling from " + registry.address() + "/wharf/all-" + run), pull.out());
            assertTrue(pull.out().contains("y: Pulling from"), pull.out());
            String tags = docker("images", "--format", "{{.Tag}}", repo).assertOk().out();
            assertTrue(tags.contains("x") && tags.contains("y"), tags);
        } finally {
            docker("rmi", "-f", repo + ":x", repo + ":y");
            docker("rmi", "-f", id);
        }
    }

    @Test
    void aMissingTagOrRepositoryFailsWithDockersMessage() {
        String repo = registry.address() + "/wharf/none-" + run;
        DockerCli.Result missing = docker("pull", repo + ":missing");
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().contains("manifest for " + repo + ":missing not found: manifest unknown"),
                missing.err());
        DockerCli.Result notLocal = docker("push", repo + ":nothing");
        assertEquals(1, notLocal.exitCode());
        assertTrue(notLocal.err().contains("An image does not exist locally with the tag: " + repo), notLocal.err());
    }

    @Test
    void distributionInspectDescribesTheManifest() throws Exception {
        String repo = registry.address() + "/wharf/dist-" + run;
        String id = importImage(repo + ":d");
        try {
            String digest = docker("push", repo + ":d").assertOk().out().replaceAll("(?s).*: digest: (sha256:[a-f0-9]{64}).*",
                    "$1");
            String socket = DockerCli.host().replaceFirst("^unix://", "");
            String json = RegistryServer.run(Path.of("/"), "curl", "-s", "--unix-socket", socket,
                    "http://docker/v1.47/distribution/" + repo + ":d/json");
            assertTrue(json.contains("\"digest\":\"" + digest + "\""), json);
            assertTrue(json.contains("application/vnd.docker.distribution.manifest.v2+json"), json);
            assertTrue(json.contains("\"architecture\":\"amd64\"") && json.contains("\"os\":\"linux\""), json);
        } finally {
            docker("rmi", "-f", id);
        }
    }
}
