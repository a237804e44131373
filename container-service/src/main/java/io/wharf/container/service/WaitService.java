package io.wharf.container.service;

import io.wharf.common.error.WharfException;
import io.wharf.container.domain.ContainerState;
import io.wharf.container.store.ContainerEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** {@code POST /containers/{id}/wait}: completes with the exit code; never holds a thread while waiting. */
@ApplicationScoped
public class WaitService {
    private final ContainerLookup lookup;
    private final WaitRegistry waits;

    public WaitService(ContainerLookup lookup, WaitRegistry waits) {
        this.lookup = lookup;
        this.waits = waits;
    }

    public CompletableFuture<Integer> await(String ref, String condition) {
        String id = lookup.resolve(ref).id;
        String c = condition == null || condition.isEmpty() ? "not-running" : condition;
        switch (c) {
            case "not-running": {
                CompletableFuture<Integer> exit = waits.nextExit(id);
                Optional<ContainerEntity> now = lookup.findById(id);
                if (now.isEmpty() || now.get().state != ContainerState.RUNNING) {
                    waits.cancel(id, exit);
                    return CompletableFuture.completedFuture(now.map(e -> e.exitCode).orElse(0));
                }
                return exit;
            }
            case "next-exit": {
                CompletableFuture<Integer> exit = waits.nextExit(id);
                return settleIfGone(id, exit);
            }
            case "removed": {
                CompletableFuture<Integer> removal = waits.removal(id);
                return settleIfGone(id, removal);
            }
            default:
                throw WharfException.invalid("invalid condition: \"" + condition + "\"");
        }
    }

    /** A container removed between the lookup and the registration never completes the future. */
    private CompletableFuture<Integer> settleIfGone(String id, CompletableFuture<Integer> future) {
        if (lookup.findById(id).isEmpty()) {
            waits.cancel(id, future);
            return CompletableFuture.completedFuture(0);
        }
        return future;
    }
}
