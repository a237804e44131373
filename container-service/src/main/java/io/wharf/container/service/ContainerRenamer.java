package io.wharf.container.service;

import io.wharf.common.error.WharfException;
import io.wharf.container.domain.ContainerNames;
import io.wharf.container.store.ContainerEntity;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code POST /containers/{id}/rename?name=}. */
@ApplicationScoped
public class ContainerRenamer {
    private final ContainerLookup lookup;
    private final ContainerLocks locks;
    private final ContainerTransitions transitions;

    public ContainerRenamer(ContainerLookup lookup, ContainerLocks locks, ContainerTransitions transitions) {
        this.lookup = lookup;
        this.locks = locks;
        this.transitions = transitions;
    }

    public void rename(String ref, String name) {
        if (name == null || name.isEmpty()) {
            throw WharfException.invalid("Neither old nor new names may be empty");
        }
        ContainerEntity c = lookup.resolve(ref);
        String newName = ContainerNames.validate(name);
        if (c.name.equals(newName)) {
            throw WharfException.invalid("Renaming a container with the same name as its current name");
        }
        locks.run(c.id, () -> transitions.renamed(c.id, newName));
    }
}
