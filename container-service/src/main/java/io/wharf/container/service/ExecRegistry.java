package io.wharf.container.service;

import io.wharf.common.error.WharfException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The exec instances of this agent's containers, by id (they do not survive a restart, as in moby). */
@ApplicationScoped
public class ExecRegistry {
    private final Map<String, ExecSession> sessions = new ConcurrentHashMap<>();

    void add(ExecSession session) {
        sessions.put(session.id(), session);
    }

    public ExecSession get(String id) {
        ExecSession s = sessions.get(id);
        if (s == null) {
            throw WharfException.notFound("No such exec instance: " + id);
        }
        return s;
    }

    /** The exec ids of a container, oldest first not guaranteed. */
    public List<String> idsOf(String containerId) {
        return sessions.values().stream().filter(s -> s.containerId().equals(containerId)).map(ExecSession::id)
                .toList();
    }

    /** The container stopped: its execs are gone. */
    public void forget(String containerId) {
        sessions.values().removeIf(s -> s.containerId().equals(containerId));
    }
}
