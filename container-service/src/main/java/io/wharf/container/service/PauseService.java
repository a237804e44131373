package io.wharf.container.service;

import io.wharf.common.error.WharfException;
import io.wharf.container.domain.ContainerState;
import io.wharf.container.runtime.ContainerControl;
import io.wharf.container.store.ContainerEntity;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code docker pause} / {@code unpause}: the cgroup freezer through runc, with moby's 409s. */
@ApplicationScoped
public class PauseService {
    private final ContainerLookup lookup;
    private final ContainerLocks locks;
    private final ContainerControl control;
    private final ControlTransitions transitions;

    public PauseService(ContainerLookup lookup, ContainerLocks locks, ContainerControl control,
            ControlTransitions transitions) {
        this.lookup = lookup;
        this.locks = locks;
        this.control = control;
        this.transitions = transitions;
    }

    public void pause(String ref) {
        String id = lookup.resolve(ref).id;
        locks.run(id, () -> {
            ContainerEntity c = lookup.resolve(id);
            if (c.state != ContainerState.RUNNING) {
                throw WharfException.conflict("Container " + c.id + " is not running");
            }
            if (c.paused) {
                throw WharfException.conflict("Container " + c.id + " is already paused");
            }
            control.pause(id);
            transitions.paused(id, true);
        });
    }

    public void unpause(String ref) {
        String id = lookup.resolve(ref).id;
        locks.run(id, () -> {
            ContainerEntity c = lookup.resolve(id);
            if (c.state != ContainerState.RUNNING || !c.paused) {
                throw WharfException.conflict("Container " + c.id + " is not paused");
            }
            control.resume(id);
            transitions.paused(id, false);
        });
    }
}
