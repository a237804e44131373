package io.wharf.container.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wharf.common.error.WharfException;
import io.wharf.container.config.HostLayout;
import io.wharf.container.config.WharfConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * runc under conmon, as Podman runs it. conmon double-forks (so containers outlive the agent), runs
 * {@code runc create}, reports the container pid on its sync pipe, keeps the log and writes the exit
 * code to {@code <exits>/<id>}.
 */
@ApplicationScoped
public class ConmonRuncRuntime implements OciRuntime {
    private static final Logger LOG = Logger.getLogger(ConmonRuncRuntime.class);
    private static final Duration CREATE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RUNC_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The JVM cannot hand a child an extra fd, so the shell makes fd 3 the sync pipe (our stdout) for
     * conmon, then waits on stdin: if it exited at once, the JDK would drain and close our end of the
     * pipe before conmon reported, and conmon would write into a closed pipe.
     */
    private static final String SPAWN = """
            exec 3>&1 1>/dev/null
            _OCI_SYNCPIPE=3 "$0" "$@"
            rc=$?
            exec 3>&-
            [ "$rc" -eq 0 ] || exit "$rc"
            read -r _ || true
            """;

    private final HostLayout layout;
    private final String cgroupParent;
    private final String conmonConfigured;
    private final String runcConfigured;
    private volatile String conmon;
    private volatile String runc;

    public ConmonRuncRuntime(HostLayout layout, WharfConfig config) {
        this.layout = layout;
        this.cgroupParent = config.runtime().cgroupParent();
        this.conmonConfigured = config.runtime().conmon();
        this.runcConfigured = config.runtime().runc();
    }

    @Override
    public int launch(Launch launch) {
        try {
            Files.createDirectories(layout.exitsDir());
            Files.createDirectories(layout.conmonSocketDir());
            Files.createDirectories(layout.runcRoot());
            Files.deleteIfExists(layout.exitsDir().resolve(launch.id()));
            Files.deleteIfExists(launch.bundle().resolve("pidfile"));
        } catch (IOException e) {
            throw WharfException.system("cannot prepare runtime directories: " + e.getMessage(), e);
        }
        int pid = createUnderConmon(launch);
        Processes.Result start = runc("start", launch.id());
        if (!start.ok()) {
            delete(launch.id());
            throw WharfException.system("runc start failed: " + start.output(), null);
        }
        return pid;
    }

    private int createUnderConmon(Launch launch) {
        List<String> command = new ArrayList<>(List.of("sh", "-c", SPAWN, conmon()));
        command.addAll(List.of("--api-version", "1", "-c", launch.id(), "-u", launch.id(), "-n", launch.name(),
                "-r", runc(), "-b", launch.bundle().toString(),
                "-p", launch.bundle().resolve("pidfile").toString(),
                "-P", launch.bundle().resolve("conmon.pid").toString(),
                "-l", "k8s-file:" + launch.logPath(),
                "--exit-dir", layout.exitsDir().toString(),
                "--socket-dir-path", layout.conmonSocketDir().toString(),
                "--runtime-arg", "--root", "--runtime-arg", layout.runcRoot().toString()));
        if (launch.tty()) {
            command.add("-t");
        }
        if (launch.openStdin()) {
            command.add("-i");
            if (!launch.stdinOnce() || launch.tty()) {
                // as moby: an attached client's end of input (or detach) closes stdin only with StdinOnce and no TTY
                command.add("--leave-stdin-open");
            }
        }
        Path errors = launch.bundle().resolve("conmon.err");
        Process process;
        try {
            // conmon's working directory is the bundle: it writes an "oom" file there when the OOM killer strikes
            process = new ProcessBuilder(command).directory(launch.bundle().toFile()).redirectError(ProcessBuilder.Redirect.to(errors.toFile())).start();
        } catch (IOException e) {
            throw WharfException.system("cannot run conmon: " + e.getMessage(), e);
        }
        String line;
        BufferedReader sync = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        try {
            line = CompletableFuture.supplyAsync(() -> {
                try {
                    return sync.readLine();
                } catch (IOException e) {
                    return null;
                }
            }, Processes.IO).get(CREATE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
            delete(launch.id());
            throw WharfException.system("conmon did not report within " + CREATE_TIMEOUT, e);
        } catch (ExecutionException e) {
            process.destroyForcibly();
            throw WharfException.system("cannot read conmon's sync pipe", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw WharfException.system("interrupted while starting " + launch.id(), e);
        } finally {
            finish(process);
        }
        if (line == null) {
            throw WharfException.system("conmon failed: " + readQuietly(errors), null);
        }
        JsonNode report;
        try {
            report = JSON.readTree(line);
        } catch (IOException e) {
            throw WharfException.system("unexpected line from conmon: " + line, e);
        }
        int pid = report.path("data").asInt(-1);
        if (pid <= 0) {
            delete(launch.id());
            String message = report.path("message").asText(readQuietly(errors)).trim();
            throw WharfException.system("runc create failed: " + message, null);
        }
        return pid;
    }

    /** Lets the helper shell go and reaps it; conmon itself lives on, detached. */
    private static void finish(Process process) {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            process.getInputStream().close();
        } catch (IOException e) {
            LOG.debugf("closing conmon helper: %s", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean kill(String id, int signal) {
        Processes.Result result = runc("kill", id, Integer.toString(signal));
        if (result.ok()) {
            return true;
        }
        String out = result.output();
        if (out.contains("not running") || out.contains("does not exist") || out.contains("process already finished")) {
            return false;
        }
        throw WharfException.system("runc kill " + id + " failed: " + out, null);
    }

    @Override
    public void delete(String id) {
        Processes.Result result = runc("delete", "--force", id);
        if (!result.ok() && !result.output().contains("does not exist")) {
            throw WharfException.system("runc delete " + id + " failed: " + result.output(), null);
        }
        removeCgroups(id);
        try {
            FileTrees.deleteRecursively(layout.conmonSocketDir().resolve(id));
        } catch (IOException e) {
            LOG.warnf("cannot remove conmon socket dir of %s: %s", id, e.getMessage());
        }
    }

    @Override
    public boolean monitorAlive(Path bundle) {
        try {
            String pid = Files.readString(bundle.resolve("conmon.pid")).trim();
            Path comm = Path.of("/proc", pid, "comm");
            return Files.exists(comm) && Files.readString(comm).trim().equals("conmon");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** runc removes cgroups it knows of; after the monitor already deleted the state, leftovers stay. */
    private void removeCgroups(String id) {
        Path root = Path.of("/sys/fs/cgroup");
        if (!Files.isDirectory(root)) {
            return;
        }
        try (DirectoryStream<Path> controllers = Files.newDirectoryStream(root)) {
            for (Path controller : controllers) {
                Path group = controller.resolve(cgroupParent).resolve(id);
                if (Files.isDirectory(group)) {
                    try {
                        Files.delete(group);
                    } catch (IOException e) {
                        LOG.warnf("cannot remove cgroup %s: %s", group, e.getMessage());
                    }
                }
            }
        } catch (IOException e) {
            LOG.warnf("cannot list cgroup controllers: %s", e.getMessage());
        }
    }

    private Processes.Result runc(String... args) {
        List<String> command = new ArrayList<>(List.of(runc(), "--root", layout.runcRoot().toString()));
        command.addAll(List.of(args));
        return Processes.run(command, RUNC_TIMEOUT);
    }

    private String runc() {
        if (runc == null) {
            runc = Binaries.resolve(runcConfigured);
        }
        return runc;
    }

    private String conmon() {
        if (conmon == null) {
            conmon = Binaries.resolve(conmonConfigured);
        }
        return conmon;
    }

    private static String readQuietly(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file).trim() : "";
        } catch (IOException e) {
            return "";
        }
    }
}
