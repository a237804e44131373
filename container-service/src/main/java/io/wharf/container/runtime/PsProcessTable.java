package io.wharf.container.runtime;

import io.wharf.common.error.WharfException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs the host's {@code ps}. */
@ApplicationScoped
public class PsProcessTable implements ProcessTable {
    @Override
    public String ps(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Binaries.resolve("ps"));
        command.addAll(args);
        Processes.Result r = Processes.run(command, Duration.ofSeconds(30));
        if (!r.ok()) {
            throw WharfException.system("Error running ps: exit status " + r.exitCode() + ": " + r.output(), null);
        }
        return r.stdout();
    }
}
