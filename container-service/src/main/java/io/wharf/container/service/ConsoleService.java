package io.wharf.container.service;

import io.wharf.common.error.WharfException;
import io.wharf.container.domain.ContainerState;
import io.wharf.container.runtime.ContainerConsole;
import io.wharf.container.store.ContainerEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;

/** {@code POST /containers/{id}/resize}: the size of a running TTY container's terminal. */
@ApplicationScoped
public class ConsoleService {
    private final ContainerLookup lookup;
    private final ContainerConsole console;

    public ConsoleService(ContainerLookup lookup, ContainerConsole console) {
        this.lookup = lookup;
        this.console = console;
    }

    public void resize(String ref, int height, int width) {
        if (height < 0 || width < 0 || height > 65535 || width > 65535) {
            throw WharfException.invalid("invalid terminal size " + height + "x" + width);
        }
        ContainerEntity c = lookup.resolve(ref);
        if (c.state != ContainerState.RUNNING) {
            throw WharfException.conflict("Container " + c.id + " is not running");
        }
        if (!c.tty) {
            // dockerd accepts the call for a container without a terminal; there is nothing to size
            return;
        }
        try {
            console.resize(c.id, height, width);
        } catch (IOException e) {
            throw WharfException.conflict("Container " + c.id + " is not running");
        }
    }
}
