package io.wharf.container.service;

import io.wharf.common.error.WharfException;
import io.wharf.container.domain.ContainerIds;
import io.wharf.container.domain.ContainerNames;
import io.wharf.container.domain.ContainerState;
import io.wharf.container.store.ContainerEntity;
import io.wharf.container.store.ContainerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Finds a container as dockerd does: full id, then exact name, then unique id prefix. */
@ApplicationScoped
public class ContainerLookup {
    private final ContainerRepository repository;

    public ContainerLookup(ContainerRepository repository) {
        this.repository = repository;
    }

    /** The container, or 404 {@code No such container: <ref>}. */
    @Transactional
    public ContainerEntity resolve(String ref) {
        return find(ref).orElseThrow(() -> WharfException.notFound("No such container: " + ref));
    }

    @Transactional
    public Optional<ContainerEntity> findById(String id) {
        return repository.findByIdOptional(id);
    }

    @Transactional
    public List<ContainerEntity> running() {
        return repository.inState(ContainerState.RUNNING);
    }

    @Transactional
    public List<ContainerEntity> all() {
        return repository.newestFirst();
    }

    @Transactional
    public long count(ContainerState state) {
        return repository.countInState(state);
    }

    @Transactional
    public Optional<ContainerEntity> find(String ref) {
        if (ref == null || ref.isEmpty()) {
            return Optional.empty();
        }
        if (ContainerIds.isFull(ref)) {
            Optional<ContainerEntity> byId = repository.findByIdOptional(ref);
            if (byId.isPresent()) {
                return byId;
            }
        }
        Optional<ContainerEntity> byName = repository.findByName(ContainerNames.strip(ref));
        if (byName.isPresent()) {
            return byName;
        }
        if (!ContainerIds.isPrefix(ref)) {
            return Optional.empty();
        }
        List<ContainerEntity> matches = repository.findByIdPrefix(ref, 2);
        if (matches.size() > 1) {
            throw WharfException.invalid("Multiple IDs found with provided prefix: " + ref);
        }
        return matches.stream().findFirst();
    }
}
