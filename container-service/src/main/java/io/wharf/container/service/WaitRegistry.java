package io.wharf.container.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Futures for callers waiting on a container's next exit or its removal, completed with the exit code
 * by the exit handler and the remover. Register before checking state, so no transition is missed.
 */
@ApplicationScoped
public class WaitRegistry {
    private final Map<String, List<CompletableFuture<Integer>>> exits = new ConcurrentHashMap<>();
    private final Map<String, List<CompletableFuture<Integer>>> removals = new ConcurrentHashMap<>();

    public CompletableFuture<Integer> nextExit(String id) {
        return register(exits, id);
    }

    public CompletableFuture<Integer> removal(String id) {
        return register(removals, id);
    }

    public void exited(String id, int exitCode) {
        complete(exits, id, exitCode);
    }

    /** Removal also ends waits for an exit that will now never come. */
    public void removed(String id, int exitCode) {
        complete(exits, id, exitCode);
        complete(removals, id, exitCode);
    }

    /** Forgets a future its caller no longer needs (it completed it some other way). */
    public void cancel(String id, CompletableFuture<Integer> future) {
        exits.computeIfPresent(id, (k, list) -> prune(list, future));
        removals.computeIfPresent(id, (k, list) -> prune(list, future));
    }

    private static List<CompletableFuture<Integer>> prune(List<CompletableFuture<Integer>> list,
            CompletableFuture<Integer> future) {
        list.remove(future);
        return list.isEmpty() ? null : list;
    }

    private static CompletableFuture<Integer> register(Map<String, List<CompletableFuture<Integer>>> map, String id) {
        CompletableFuture<Integer> future = new CompletableFuture<>();
        map.compute(id, (k, list) -> {
            List<CompletableFuture<Integer>> l = list == null ? new ArrayList<>() : list;
            l.add(future);
            return l;
        });
        return future;
    }

    private static void complete(Map<String, List<CompletableFuture<Integer>>> map, String id, int exitCode) {
        List<CompletableFuture<Integer>> waiting = map.remove(id);
        if (waiting != null) {
            waiting.forEach(f -> f.complete(exitCode));
        }
    }
}
