package io.wharf.eventbus.outbox;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Rows of the outbox table. */
@ApplicationScoped
public class OutboxStore implements PanacheRepository<OutboxRecord> {

    /** The oldest events not yet relayed, in the order they were written. */
    public List<OutboxRecord> unsent(int limit) {
        return find("sentAt is null", Sort.by("seq")).page(Page.ofSize(limit)).list();
    }

    public void markSent(List<Long> seqs, Instant when) {
        update("sentAt = ?1 where seq in ?2", when, seqs);
    }

    /** Relayed rows are kept a while for diagnosis, then dropped. */
    public long purgeSentBefore(Instant cutoff) {
        return delete("sentAt is not null and sentAt < ?1", cutoff);
    }
}
