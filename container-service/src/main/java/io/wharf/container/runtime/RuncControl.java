package io.wharf.container.runtime;

import io.wharf.common.error.WharfException;
import io.wharf.container.config.HostLayout;
import io.wharf.container.config.WharfConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@code runc pause|resume|update} (the freezer and cgroup writes are runc's). */
@ApplicationScoped
public class RuncControl implements ContainerControl {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HostLayout layout;
    private final String runcConfigured;

    public RuncControl(HostLayout layout, WharfConfig config) {
        this.layout = layout;
        this.runcConfigured = config.runtime().runc();
    }

    @Override
    public void pause(String id) {
        run("pause", id);
    }

    @Override
    public void resume(String id) {
        run("resume", id);
    }

    @Override
    public void update(String id, Path resources) {
        run("update", "-r", resources.toString(), id);
    }

    private void run(String... args) {
        List<String> command = new ArrayList<>(List.of(Binaries.resolve(runcConfigured), "--root",
                layout.runcRoot().toString()));
        command.addAll(List.of(args));
        Processes.Result r = Processes.run(command, TIMEOUT);
        if (r.exitCode() != 0) {
            String out = (r.stderr() + r.stdout()).strip();
            throw WharfException.system("runc " + args[0] + " failed: " + out, null);
        }
    }
}
