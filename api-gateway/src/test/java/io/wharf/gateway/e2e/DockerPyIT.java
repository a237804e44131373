package io.wharf.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Another client than the CLI: docker-py drives the container lifecycle, exec, attach and events. */
class DockerPyIT {

    @BeforeAll
    static void image() throws Exception {
        TestImages.ensureBusybox();
    }

    @Test
    void containerLifecycleThroughDockerPy() throws Exception {
        Path script = Files.createTempFile("wharf-dockerpy", ".py");
        try (InputStream in = DockerPyIT.class.getResourceAsStream("/e2e/dockerpy_containers.py")) {
            Files.write(script, in.readAllBytes());
        }
        Path log = Files.createTempFile("wharf-dockerpy", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder("python3", "-u", script.toString(),
                    "py-" + UUID.randomUUID().toString().substring(0, 8)).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("DOCKER_HOST", DockerCli.host());
            Process python = builder.start();
            boolean finished = python.waitFor(180, TimeUnit.SECONDS);
            if (!finished) {
                python.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertTrue(finished, "docker-py did not finish in 3 minutes:\n" + output);
            assertEquals(0, python.exitValue(), output);
            assertTrue(output.contains("docker-py scenario passed"), output);
        } finally {
            Files.deleteIfExists(script);
            Files.deleteIfExists(log);
        }
    }
}
