package io.wharf.container.runtime;

import io.wharf.common.error.WharfException;
import io.wharf.container.config.HostLayout;
import io.wharf.container.config.WharfConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code runc exec --process <file>}; runc stays the process's parent, so its exit is the process's.
 * Without a terminal the three streams are runc's pipes; with one (the file says {@code terminal}), runc
 * runs on a pseudo-terminal of the agent's and relays it to the container's, and a resize reaches it as
 * SIGWINCH, as from any terminal.
 */
@ApplicationScoped
public class RuncExecRuntime implements ExecRuntime {
    private final HostLayout layout;
    private final String runcConfigured;

    public RuncExecRuntime(HostLayout layout, WharfConfig config) {
        this.layout = layout;
        this.runcConfigured = config.runtime().runc();
    }

    @Override
    public ExecProcess start(String id, Path processFile, boolean tty) {
        Path pidFile = processFile.resolveSibling(processFile.getFileName() + ".pid");
        List<String> runc = List.of(Binaries.resolve(runcConfigured), "--root", layout.runcRoot().toString(), "exec",
                "--process", processFile.toString(), "--pid-file", pidFile.toString(), id);
        if (!tty) {
            return new PipedExec(launch(runc), pidFile);
        }
        PtyMaster pty;
        try {
            pty = PtyMaster.open();
        } catch (IOException e) {
            throw WharfException.system("cannot start the exec's terminal: " + e.getMessage(), e);
        }
        // runc copies between the container's terminal and its own stdin/stdout, which must be a terminal:
        // the slave of ours, opened by a shell that is no session leader, so it becomes nobody's controlling tty
        List<String> command = new ArrayList<>(List.of("sh", "-c", "exec \"$@\" <\"$0\" >\"$0\"", pty.slave()));
        command.addAll(runc);
        try {
            return new PtyExecProcess(launch(command), pty, pidFile);
        } catch (RuntimeException e) {
            pty.closeUnused();
            throw e;
        }
    }

    private static Process launch(List<String> command) {
        try {
            return new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw WharfException.system("cannot run runc exec: " + e.getMessage(), e);
        }
    }

    private static final class PipedExec implements ExecProcess {
        private final Process process;
        private final Path pidFile;

        PipedExec(Process process, Path pidFile) {
            this.process = process;
            this.pidFile = pidFile;
        }

        @Override
        public OutputStream stdin() {
            return process.getOutputStream();
        }

        @Override
        public InputStream stdout() {
            return process.getInputStream();
        }

        @Override
        public InputStream stderr() {
            return process.getErrorStream();
        }

        @Override
        public int pid() {
            return PidFiles.read(pidFile);
        }

        @Override
        public int waitFor() throws InterruptedException {
            int code = process.waitFor();
            PidFiles.delete(pidFile);
            return code;
        }

        @Override
        public void kill() {
            process.destroy();
        }
    }
}
