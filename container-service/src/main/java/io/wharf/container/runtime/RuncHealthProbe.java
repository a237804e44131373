package io.wharf.container.runtime;

import io.wharf.container.config.HostLayout;
import io.wharf.container.config.WharfConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code runc exec} of the probe in the container (its env, cwd and user, no terminal); stdout and
 * stderr together, cut at moby's 4096 bytes. At the timeout the probe process itself is killed.
 */
@ApplicationScoped
public class RuncHealthProbe implements HealthProbe {
    /** moby's maxOutputLen. */
    static final int MAX_OUTPUT = 4096;

    private final HostLayout layout;
    private final String runcConfigured;

    public RuncHealthProbe(HostLayout layout, WharfConfig config) {
        this.layout = layout;
        this.runcConfigured = config.runtime().runc();
    }

    @Override
    public Result run(String id, List<String> command, Duration timeout) {
        Path pidFile = null;
        Process process = null;
        try {
            pidFile = Files.createTempFile("health-", ".pid");
            Files.delete(pidFile);
            List<String> argv = new ArrayList<>(List.of(Binaries.resolve(runcConfigured), "--root",
                    layout.runcRoot().toString(), "exec", "--pid-file", pidFile.toString(), id));
            argv.addAll(command);
            process = new ProcessBuilder(argv).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            CompletableFuture<String> out = drain(process.getInputStream());
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                killProbe(pidFile);
                process.destroyForcibly();
                return new Result(-1, "Health check exceeded timeout (" + DockerDurations.go(timeout) + ")");
            }
            return new Result(process.exitValue(), out.join());
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (process != null) {
                process.destroyForcibly();
            }
            return new Result(-1, "interrupted");
        } finally {
            if (pidFile != null) {
                try {
                    Files.deleteIfExists(pidFile);
                } catch (IOException ignored) {
                    // a stale temp file, nothing more
                }
            }
        }
    }

    private static void killProbe(Path pidFile) {
        try {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        } catch (IOException | NumberFormatException e) {
            // runc had not started it yet
        }
    }

    private static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                byte[] kept = in.readNBytes(MAX_OUTPUT);
                in.transferTo(java.io.OutputStream.nullOutputStream());
                return new String(kept, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }, Processes.IO);
    }

    /** Go's time.Duration.String() for the whole seconds and milliseconds a timeout has. */
    static final class DockerDurations {
        private DockerDurations() {
        }

        static String go(Duration d) {
            if (d.toMillis() % 1000 == 0) {
                return d.toSeconds() + "s";
            }
            return (d.toMillis() / 1000.0) + "s";
        }
    }
}
