package io.wharf.gateway.e2e;

import static io.wharf.gateway.e2e.DockerCli.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Container I/O with the real docker CLI: logs (plain, tail, timestamps, since, follow), stdin, TTY. */
class ContainerStreamsIT {

    @BeforeAll
    static void image() throws Exception {
        TestImages.ensureBusybox();
    }

    private static String name(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void logsReturnBothStreamsSeparatelyWithTailTimestampsAndSince() {
        String name = name("logs");
        try {
            docker("run", "--name", name, "busybox", "sh", "-c", "echo one; echo two >&2; echo three").assertOk();
            DockerCli.Result all = docker("logs", name).assertOk();
            assertEquals("one\nthree\n", all.out());
            assertEquals("two\n", all.err());
            DockerCli.Result tail = docker("logs", "--tail", "1", name).assertOk();
            assertEquals(1, (tail.out() + tail.err()).lines().count(), tail.toString());
            List<String> stamped = docker("logs", "-t", name).assertOk().out().lines().toList();
            assertEquals(2, stamped.size(), stamped.toString());
            assertTrue(stamped.get(0).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z one"), stamped.get(0));
            assertTrue(stamped.get(1).endsWith("Z three"), stamped.get(1));
            DockerCli.Result future = docker("logs", "--since", "2100-01-01T00:00:00Z", name).assertOk();
            assertEquals("", future.out() + future.err());
            DockerCli.Result past = docker("logs", "--since", "2000-01-01T00:00:00Z", name).assertOk();
            assertEquals("one\nthree\n", past.out());
        } finally {
            docker("rm", "-f", name);
        }
    }

    @Test
    void tailKeepsTheLastLines() {
        String name = name("tail");
        try {
            docker("run", "--name", name, "busybox", "sh", "-c", "for i in 1 2 3 4 5; do echo $i; done").assertOk();
            assertEquals("4\n5\n", docker("logs", "--tail", "2", name).assertOk().out());
            assertEquals("", docker("logs", "--tail", "0", name).assertOk().out());
        } finally {
            docker("rm", "-f", name);
        }
    }

    @Test
    void logsOfAnUnknownContainerAreNotFound() {
        DockerCli.Result missing = docker("logs", "no-such-container-" + UUID.randomUUID());
        assertEquals(1, missing.exitCode(), missing.toString());
        assertTrue(missing.err().contains("No such container"), missing.err());
    }

    @Test
    void followedLogsEndWhenTheContainerExits() {
        String name = name("follow");
        try {
            docker("run", "-d", "--name", name, "busybox", "sh", "-c", "echo first; sleep 1; echo second").assertOk();
            DockerCli.Result followed = docker("logs", "-f", name).assertOk();
            assertEquals("first\nsecond\n", followed.out());
        } finally {
            docker("rm", "-f", name);
        }
    }

    @Test
    void pipedStdinReachesTheContainerAndItsEndClosesStdin() throws IOException {
        Path input = Files.createTempFile("wharf-stdin", ".txt");
        try {
            Files.writeString(input, "hi\n");
            DockerCli.Result cat = DockerCli.dockerWithInput(input, "run", "-i", "--rm", "busybox", "cat").assertOk();
            assertEquals("hi\n", cat.out());
            Files.writeString(input, "a\nb\nc\n");
            DockerCli.Result count = DockerCli.dockerWithInput(input, "run", "-i", "--rm", "busybox", "sh", "-c",
                    "wc -l; exit 4");
            assertEquals(4, count.exitCode(), count.toString());
            assertEquals("3", count.trimmed());
        } finally {
            Files.deleteIfExists(input);
        }
    }

    @Test
    void withoutDashIStdinIsNotForwarded() throws IOException {
        Path input = Files.createTempFile("wharf-stdin", ".txt");
        try {
            Files.writeString(input, "ignored\n");
            DockerCli.Result cat = DockerCli.dockerWithInput(input, "run", "--rm", "busybox", "cat").assertOk();
            assertEquals("", cat.out());
        } finally {
            Files.deleteIfExists(input);
        }
    }

    @Test
    void ttySessionThroughAPseudoTerminalIsInteractiveAndResizable() throws Exception {
        ExpectScript.Outcome session = ExpectScript.run("/e2e/tty-session.exp");
        assertEquals(0, session.exitCode(), session.transcript());
        assertTrue(session.transcript().contains("/dev/pts/"), session.transcript());
        assertTrue(session.transcript().contains("33 101"), session.transcript());
        assertTrue(session.transcript().contains("EXIT 7"), session.transcript());
    }

    @Test
    void detachKeysLeaveTheContainerRunningAndAttachJoinsItAgain() throws Exception {
        String name = name("detach");
        try {
            ExpectScript.Outcome session = ExpectScript.run("/e2e/detach-keys.exp", name);
            assertEquals(0, session.exitCode(), session.transcript());
            assertEquals("true", docker("inspect", "-f", "{{.State.Running}}", name).assertOk().trimmed());
            assertTrue(docker("logs", name).assertOk().out().contains("second-session"));
        } finally {
            docker("rm", "-f", name);
        }
    }

    @Test
    void serverSideDetachKeysEndANonTtyAttachAndTheContainerRunsOn() throws Exception {
        String name = name("detach-raw");
        try {
            docker("run", "-d", "-i", "--name", name, "busybox", "cat").assertOk();
            try (RawEngineConnection attach = RawEngineConnection.open()) {
                String head = attach.upgrade("POST", "/v1.47/containers/" + name + "/attach?stream=1&stdin=1&stdout=1");
                assertTrue(head.startsWith("HTTP/1.1 101"), head);
                attach.send(new byte[] {'a', 'b', 'c', '\n', 16, 17, 'l', 'o', 's', 't', '\n'});
                // the engine ends the stream on the detach keys: no read of the connection is left hanging
                attach.readToEnd();
            }
            assertEquals("true", docker("inspect", "-f", "{{.State.Running}}", name).assertOk().trimmed());
            // cat echoes what came before the keys; its output reaches the log on its own time
            String logs = "";
            for (int i = 0; i < 100 && logs.isEmpty(); i++) {
                logs = docker("logs", name).assertOk().out();
                if (logs.isEmpty()) {
                    Thread.sleep(50);
                }
            }
            assertEquals("abc\n", logs);
            DockerCli.Result bad = docker("attach", "--detach-keys", "ctrl-1", name);
            assertEquals(1, bad.exitCode(), bad.toString());
            // dockerd refuses the keys with a 400 before the upgrade, which the CLI reports this way
            assertTrue(bad.err().contains("unable to upgrade to tcp, received 400"), bad.err());
        } finally {
            docker("rm", "-f", name);
        }
    }

    @Test
    void logConfigIsJsonFileByDefaultAndTheNoneDriverCannotBeRead() {
        String plain = name("logcfg");
        String none = name("lognone");
        try {
            docker("create", "--name", plain, "busybox", "true").assertOk();
            assertEquals("json-file map[]", docker("inspect", "-f", "{{.HostConfig.LogConfig.Type}} {{.HostConfig.LogConfig.Config}}",
                    plain).assertOk().trimmed());
            docker("run", "--log-driver", "none", "--name", none, "busybox", "echo", "unseen").assertOk();
            DockerCli.Result logs = docker("logs", none);
            assertEquals(1, logs.exitCode(), logs.toString());
            assertTrue(logs.err().contains("configured logging driver does not support reading"), logs.err());
            DockerCli.Result unknown = docker("create", "--log-driver", "nosuch", "busybox", "true");
            assertTrue(unknown.err().contains("logger: no log driver named 'nosuch' is registered"), unknown.toString());
            DockerCli.Result badOpt = docker("create", "--log-opt", "max-file=0", "busybox", "true");
            assertTrue(badOpt.err().contains("max-file cannot be less than 1"), badOpt.toString());
        } finally {
            docker("rm", "-f", plain, none);
        }
    }

    @Test
    void ttyOutputIsRawWithoutStreamHeaders() {
        String name = name("tty");
        try {
            DockerCli.Result run = docker("run", "-t", "--name", name, "busybox", "sh", "-c", "echo out; echo err >&2")
                    .assertOk();
            assertEquals("out\r\nerr\r\n", run.out());
            assertEquals("out\r\nerr\r\n", docker("logs", name).assertOk().out());
        } finally {
            docker("rm", "-f", name);
        }
    }
}
