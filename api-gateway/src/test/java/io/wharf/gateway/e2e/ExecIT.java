package io.wharf.gateway.e2e;

import static io.wharf.gateway.e2e.DockerCli.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code docker exec} in a running container: output, exit codes, user/dir/env, -d, -i, -t, -it, a stopped container. */
class ExecIT {
    private String name;

    @BeforeAll
    static void image() throws Exception {
        TestImages.ensureBusybox();
    }

    @BeforeEach
    void start() {
        name = "exec-" + UUID.randomUUID().toString().substring(0, 8);
        docker("run", "-d", "--name", name, "busybox", "sleep", "1000").assertOk();
    }

    @AfterEach
    void remove() {
        docker("rm", "-f", name);
    }

    @Test
    void printsTheCommandsOutput() {
        assertEquals("hi", docker("exec", name, "echo", "hi").assertOk().trimmed());
    }

    @Test
    void exitsWithTheCommandsExitCode() {
        assertEquals(7, docker("exec", name, "sh", "-c", "exit 7").exitCode());
    }

    @Test
    void honoursUserWorkingDirAndEnv() {
        String out = docker("exec", "-u", "65534", "-w", "/tmp", "-e", "A=b", name, "sh", "-c", "id -u; pwd; echo $A")
                .assertOk().trimmed();
        assertEquals("65534\n/tmp\nb", out);
    }

    @Test
    void detachedExecRunsOnItsOwn() {
        docker("exec", "-d", name, "sh", "-c", "echo done > /tmp/made").assertOk();
        // the detached exec ends on its own; wait for its file through more execs, no sleep
        String seen = "";
        for (int i = 0; i < 200 && !seen.equals("done"); i++) {
            seen = docker("exec", name, "sh", "-c", "cat /tmp/made 2>/dev/null").trimmed();
        }
        assertEquals("done", seen);
    }

    @Test
    void stdinReachesTheCommand() throws Exception {
        Path input = Files.createTempFile("exec-in", ".txt");
        try {
            Files.writeString(input, "in\n");
            assertEquals("in", DockerCli.dockerWithInput(input, "exec", "-i", name, "cat").assertOk().trimmed());
        } finally {
            Files.deleteIfExists(input);
        }
    }

    @Test
    void execIdsAreListedWhileRunning() {
        docker("exec", name, "true").assertOk();
        String ids = docker("inspect", "-f", "{{len .ExecIDs}}", name).assertOk().trimmed();
        assertEquals("1", ids);
        docker("stop", "-t", "0", name).assertOk();
        assertEquals("[]", docker("inspect", "-f", "{{.ExecIDs}}", name).assertOk().trimmed());
    }

    @Test
    void execInAStoppedContainerFails() {
        docker("stop", "-t", "0", name).assertOk();
        String id = docker("inspect", "-f", "{{.Id}}", name).assertOk().trimmed();
        DockerCli.Result r = docker("exec", name, "echo", "hi");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("Container " + id + " is not running"), r.err());
    }

    @Test
    void dashTGivesTheProcessATerminal() {
        DockerCli.Result tty = docker("exec", "-t", name, "sh", "-c", "tty; echo two; exit 3");
        assertEquals(3, tty.exitCode(), tty.toString());
        // a terminal's output: no stream headers, and the terminal's CR LF line ends
        assertTrue(tty.out().startsWith("/dev/pts/"), tty.out());
        assertTrue(tty.out().endsWith("\r\ntwo\r\n"), tty.out());
    }

    @Test
    void dashItIsAnInteractiveShellSizedLikeTheClientsTerminal() throws Exception {
        ExpectScript.Outcome session = ExpectScript.run("/e2e/exec-tty.exp", name);
        assertEquals(0, session.exitCode(), session.transcript());
        assertTrue(session.transcript().contains("EXIT 6"), session.transcript());
        // the container runs on after its exec's shell ended
        assertEquals("true", docker("inspect", "-f", "{{.State.Running}}", name).assertOk().trimmed());
    }
}
