package io.wharf.container.runtime;

import io.wharf.common.error.WharfException;
import io.wharf.container.config.HostLayout;
import io.wharf.container.config.WharfConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code runc exec --process <file>} with pipes for the three streams; runc stays the process's parent. */
@ApplicationScoped
public class RuncExecRuntime implements ExecRuntime {
    private final HostLayout layout;
    private final String runcConfigured;

    public RuncExecRuntime(HostLayout layout, WharfConfig config) {
        this.layout = layout;
        this.runcConfigured = config.runtime().runc();
    }

    @Override
    public ExecProcess start(String id, Path processFile) {
        Path pidFile = processFile.resolveSibling(processFile.getFileName() + ".pid");
        List<String> command = List.of(Binaries.resolve(runcConfigured), "--root", layout.runcRoot().toString(),
                "exec", "--process", processFile.toString(), "--pid-file", pidFile.toString(), id);
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw WharfException.system("cannot run runc exec: " + e.getMessage(), e);
        }
        return new RuncExec(process, pidFile);
    }

    private static final class RuncExec implements ExecProcess {
        private final Process process;
        private final Path pidFile;

        RuncExec(Process process, Path pidFile) {
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
            try {
                return Integer.parseInt(Files.readString(pidFile, StandardCharsets.US_ASCII).trim());
            } catch (IOException | NumberFormatException e) {
                return 0;
            }
        }

        @Override
        public int waitFor() throws InterruptedException {
            int code = process.waitFor();
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException ignored) {
                // a stale pid file in the exec directory does no harm
            }
            return code;
        }

        @Override
        public void kill() {
            process.destroy();
        }
    }
}
