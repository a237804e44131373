package io.wharf.container.service;

import io.wharf.common.error.ErrorKind;
import io.wharf.common.error.WharfException;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code POST /containers/{id}/restart?t=}: stop if running (kill, die, stop), start, then {@code restart}. */
@ApplicationScoped
public class ContainerRestarter {
    private final ContainerLookup lookup;
    private final ContainerStopper stopper;
    private final ContainerStarter starter;
    private final ContainerTransitions transitions;
    private final RestartSupervisor restarts;

    public ContainerRestarter(ContainerLookup lookup, ContainerStopper stopper, ContainerStarter starter,
            ContainerTransitions transitions, RestartSupervisor restarts) {
        this.lookup = lookup;
        this.stopper = stopper;
        this.starter = starter;
        this.transitions = transitions;
        this.restarts = restarts;
    }

    public void restart(String ref, Integer timeoutSeconds) {
        String id = lookup.resolve(ref).id;
        try {
            stopper.stop(id, timeoutSeconds);
        } catch (WharfException e) {
            if (e.kind() != ErrorKind.NOT_MODIFIED) {
                throw e;
            }
        }
        restarts.startedByUser(id);
        try {
            starter.start(id);
        } catch (WharfException e) {
            if (e.kind() != ErrorKind.NOT_MODIFIED) {
                throw new WharfException(e.kind(), "Cannot restart container " + ref + ": " + e.getMessage(), e);
            }
        }
        transitions.restarted(id);
    }
}
