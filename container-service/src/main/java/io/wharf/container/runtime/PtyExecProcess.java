package io.wharf.container.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/** An exec with a terminal: runc's exit is the process's, its streams are the master side of runc's terminal. */
final class PtyExecProcess implements ExecProcess {
    private final Process runc;
    private final PtyMaster master;
    private final Path pidFile;

    PtyExecProcess(Process runc, PtyMaster master, Path pidFile) {
        this.runc = runc;
        this.master = master;
        this.pidFile = pidFile;
    }

    @Override
    public OutputStream stdin() {
        return master.input();
    }

    @Override
    public InputStream stdout() {
        return master.output();
    }

    @Override
    public InputStream stderr() {
        return InputStream.nullInputStream();
    }

    @Override
    public int pid() {
        return PidFiles.read(pidFile);
    }

    @Override
    public int waitFor() throws InterruptedException {
        int code = runc.waitFor();
        PidFiles.delete(pidFile);
        return code;
    }

    @Override
    public void kill() {
        runc.destroy();
    }

    @Override
    public void resize(int height, int width) throws IOException {
        master.resize(height, width);
        // runc reads its terminal's new size on SIGWINCH and gives it to the container's terminal
        LibC.Holder.INSTANCE.kill((int) runc.pid(), LibC.SIGWINCH);
    }
}
