package io.wharf.gateway.e2e;

import static io.wharf.gateway.e2e.DockerCli.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A container whose command cannot run: docker run answers at once with moby's exit codes. */
class StartFailureIT {
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

    @Test
    void runRmOfAMissingCommandExits127AndLeavesNoContainer() {
        String name = name("missing");
        DockerCli.Result r = DockerCli.run(Duration.ofSeconds(60), null, "run", "--rm", "--name", name, "busybox",
                "/nonexistent");
        assertEquals(127, r.exitCode(), r.err());
        assertTrue(r.err().contains("failed to create task for container")
                && r.err().contains("/nonexistent") && r.err().contains("no such file or directory"), r.err());
        assertEquals("", docker("ps", "-a", "-q", "--filter", "name=^/" + name + "$").assertOk().trimmed(),
                "--rm removes the container whose start failed");
    }

    @Test
    void runOfANonExecutableCommandExits126AndKeepsTheErrorInInspect() {
        String name = name("notexec");
        DockerCli.Result r = docker("run", "--name", name, "busybox", "/etc");
        assertEquals(126, r.exitCode(), r.err());
        assertTrue(r.err().contains("permission denied"), r.err());
        String state = docker("inspect", "-f", "{{.State.Status}} {{.State.ExitCode}} {{.State.Running}}", name)
                .assertOk().trimmed();
        assertEquals("created 126 false", state, "moby keeps a never-started container as created");
        assertTrue(docker("inspect", "-f", "{{.State.Error}}", name).assertOk().out().contains("permission denied"));
    }

    @Test
    void startAttachedOfAFailingContainerReturnsAndWaitAnswers() {
        String name = name("startfail");
        docker("create", "--name", name, "busybox", "/nonexistent").assertOk();
        DockerCli.Result r = docker("start", "-a", name);
        assertTrue(r.exitCode() != 0, "docker start -a of a missing command fails");
        assertEquals("127", docker("wait", name).assertOk().trimmed(), "wait answers with the failed start's code");
    }
}
