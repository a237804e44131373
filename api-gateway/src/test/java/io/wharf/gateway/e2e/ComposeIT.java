package io.wharf.gateway.e2e;

import static io.wharf.gateway.e2e.DockerCli.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose (Debian's v1, on docker-py) runs the example stack in compose/examples/ready-then-run
 * against Wharf: a user network with an alias, a named volume, start order by health and by completion,
 * then {@code ps}, {@code logs} and {@code down -v} leave nothing of the project behind.
 */
class ComposeIT {
    private final String project = "wharfit" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void image() throws Exception {
        TestImages.ensureBusybox();
    }

    @AfterEach
    void down() throws Exception {
        compose("down", "-v");
    }

    @Test
    void exampleStackComesUpInOrderAndGoesDownWithoutLeftovers() throws Exception {
        Result up = compose("up", "-d");
        assertEquals(0, up.exitCode(), up.output());
        // "report" starts only once "job" reached the server through its alias and exited 0
        String report = project + "_report_1";
        docker("wait", report).assertOk();
        Result logs = compose("logs", "--no-color", "report");
        assertTrue(logs.output().contains("job ran"), logs.output());
        Result ps = compose("ps");
        assertTrue(ps.output().contains(project + "_server_1") && ps.output().contains("Up (healthy)"), ps.output());

        Result down = compose("down", "-v");
        assertEquals(0, down.exitCode(), down.output());
        String label = "label=com.docker.compose.project=" + project;
        assertEquals("", docker("ps", "-aq", "--filter", label).assertOk().trimmed());
        assertEquals("", docker("network", "ls", "-q", "--filter", label).assertOk().trimmed());
        assertEquals("", docker("volume", "ls", "-q", "--filter", label).assertOk().trimmed());
    }

    private record Result(int exitCode, String output) {
    }

    private Result compose(String... args) throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        Path file = root.resolve("compose/examples/ready-then-run/docker-compose.yml");
        List<String> command = new ArrayList<>(List.of("docker-compose", "-p", project, "-f", file.toString()));
        command.addAll(List.of(args));
        File output = File.createTempFile("wharf-compose", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().put("DOCKER_HOST", DockerCli.host());
            builder.environment().put("COMPOSE_INTERACTIVE_NO_CLI", "1");
            Process p = builder.start();
            boolean finished = p.waitFor(180, TimeUnit.SECONDS);
            if (!finished) {
                p.destroyForcibly();
            }
            String text = Files.readString(output.toPath(), StandardCharsets.UTF_8);
            assertTrue(finished, "docker-compose " + String.join(" ", args) + " did not finish:\n" + text);
            return new Result(p.exitValue(), text);
        } finally {
            Files.deleteIfExists(output.toPath());
        }
    }
}
