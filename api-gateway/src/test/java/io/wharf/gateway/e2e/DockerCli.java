package io.wharf.gateway.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code docker} CLI against the platform under test ({@code DOCKER_HOST} from the
 * environment, set by the test suite after {@code wharf up}).
 */
public final class DockerCli {

    /** What a command printed and how it exited. */
    public record Result(int exitCode, String out, String err) {
        public Result assertOk() {
            if (exitCode != 0) {
                throw new AssertionError("docker exited " + exitCode + "\nstdout: " + out + "\nstderr: " + err);
            }
            return this;
        }

        public String trimmed() {
            return out.trim();
        }
    }

    private DockerCli() {
    }

    public static String host() {
        String host = System.getenv("DOCKER_HOST");
        if (host == null || host.isBlank()) {
            throw new IllegalStateException("DOCKER_HOST is not set: run the end-to-end suite through './wharf test'");
        }
        return host;
    }

    public static Result docker(String... args) {
        return run(Duration.ofSeconds(60), null, args);
    }

    public static Result dockerWithInput(Path stdin, String... args) {
        return run(Duration.ofSeconds(120), stdin, args);
    }

    public static Result run(Duration timeout, Path stdin, String... args) {
        return run(timeout, stdin, java.util.Map.of(), args);
    }

    /** With extra environment, e.g. a private {@code DOCKER_CONFIG} for login credentials. */
    public static Result run(Duration timeout, Path stdin, java.util.Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        command.add("docker");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("DOCKER_HOST", host());
        builder.environment().remove("DOCKER_CONTEXT");
        builder.environment().putAll(env);
        if (stdin != null) {
            builder.redirectInput(stdin.toFile());
        } else {
            builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        try {
            Process process = builder.start();
            CompletableFuture<String> out = drain(process.getInputStream());
            CompletableFuture<String> err = drain(process.getErrorStream());
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("docker " + String.join(" ", args) + " did not finish in " + timeout);
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Starts a long-running docker command (e.g. {@code docker events}) and leaves it running. */
    public static Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("docker");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("DOCKER_HOST", host());
        return builder.start();
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                stream.transferTo(buffer);
                return buffer.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
