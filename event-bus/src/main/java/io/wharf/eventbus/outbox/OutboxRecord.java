package io.wharf.eventbus.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/** One event waiting to be relayed to Kafka, written in the same transaction as the state change. */
@Entity
@Table(name = "wharf_outbox", indexes = @Index(name = "wharf_outbox_unsent", columnList = "sentAt,seq"))
public class OutboxRecord {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(nullable = false, length = 36, unique = true)
    public String eventId;

    @Column(nullable = false, length = 128)
    public String topic;

    @Column(nullable = false, length = 256)
    public String recordKey;

    @Column(nullable = false, length = 1_048_576)
    public String payload;

    @Column(nullable = false)
    public long eventTimeMillis;

    @Column(length = 64)
    public String traceParent;

    @Column(nullable = false)
    public Instant createdAt;

    public Instant sentAt;
}
