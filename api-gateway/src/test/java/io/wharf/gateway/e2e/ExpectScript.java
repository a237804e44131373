package io.wharf.gateway.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an expect(1) script from the test resources: the docker CLI on a real pseudo-terminal. */
final class ExpectScript {

    /** What the session printed and how expect exited. */
    record Outcome(int exitCode, String transcript) {
    }

    private ExpectScript() {
    }

    static Outcome run(String resource, String... args) throws IOException, InterruptedException {
        Path script = Files.createTempFile("wharf-expect", ".exp");
        try (InputStream in = ExpectScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            Files.write(script, in.readAllBytes());
            List<String> command = new ArrayList<>(List.of("expect", script.toString()));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("DOCKER_HOST", DockerCli.host());
            Process expect = builder.start();
            byte[] out = expect.getInputStream().readAllBytes();
            if (!expect.waitFor(Duration.ofSeconds(60).toMillis(), TimeUnit.MILLISECONDS)) {
                expect.destroyForcibly();
                throw new AssertionError("expect " + resource + " did not finish:\n" + new String(out, StandardCharsets.UTF_8));
            }
            return new Outcome(expect.exitValue(), new String(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
