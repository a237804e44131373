package io.wharf.gateway.e2e;

import static io.wharf.gateway.e2e.DockerCli.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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
        Path script = Files.createTempFile("wharf-tty", ".exp");
        try (InputStream in = ContainerStreamsIT.class.getResourceAsStream("/e2e/tty-session.exp")) {
            Files.write(script, in.readAllBytes());
        }
        try {
            ProcessBuilder builder = new ProcessBuilder("expect", script.toString()).redirectErrorStream(true);
            builder.environment().put("DOCKER_HOST", DockerCli.host());
            Process expect = builder.start();
            byte[] out = expect.getInputStream().readAllBytes();
            assertTrue(expect.waitFor(Duration.ofSeconds(60).toMillis(), TimeUnit.MILLISECONDS));
            String text = new String(out, StandardCharsets.UTF_8);
            assertEquals(0, expect.exitValue(), text);
            assertTrue(text.contains("/dev/pts/"), text);
            assertTrue(text.contains("33 101"), text);
            assertTrue(text.contains("EXIT 7"), text);
        } finally {
            Files.deleteIfExists(script);
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
