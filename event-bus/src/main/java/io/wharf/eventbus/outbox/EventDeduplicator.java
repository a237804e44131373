package io.wharf.eventbus.outbox;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Lets a consumer apply each event once: call inside the transaction that applies it. */
@ApplicationScoped
public class EventDeduplicator implements PanacheRepositoryBase<ProcessedEvent, String> {

    /** True the first time an event id is seen in committed state; records it as seen. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstTime(String eventId) {
        if (findById(eventId) != null) {
            return false;
        }
        ProcessedEvent seen = new ProcessedEvent();
        seen.eventId = eventId;
        seen.processedAt = Instant.now();
        persist(seen);
        return true;
    }
}
