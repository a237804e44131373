package io.wharf.eventbus.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An event id a consumer has already applied; what makes at-least-once delivery idempotent. */
@Entity
@Table(name = "wharf_processed_event")
public class ProcessedEvent {
    @Id
    @Column(length = 36)
    public String eventId;

    @Column(nullable = false)
    public Instant processedAt;
}
