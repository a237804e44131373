package io.wharf.eventbus.outbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.wharf.eventbus.config.NodeIdentity;
import io.wharf.eventbus.envelope.Event;
import io.wharf.eventbus.envelope.EventType;
import io.wharf.eventbus.serde.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;

/**
 * Publishes an event as part of the caller's transaction: the outbox row commits (or rolls back)
 * with the state change it describes, and the relay is woken once the transaction has committed.
 */
@ApplicationScoped
public class EventPublisher {
    private final OutboxStore store;
    private final OutboxRelay relay;
    private final NodeIdentity node;
    private final TransactionSynchronizationRegistry transactions;

    public EventPublisher(OutboxStore store, OutboxRelay relay, NodeIdentity node,
            TransactionSynchronizationRegistry transactions) {
        this.store = store;
        this.relay = relay;
        this.node = node;
        this.transactions = transactions;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Event publish(EventType type, String action, String actorId, Map<String, String> attributes) {
        Event event = Event.now(node.source(), node.name(), type, action, actorId, attributes);
        OutboxRecord row = new OutboxRecord();
        row.eventId = event.id();
        row.topic = type.topic();
        row.recordKey = actorId;
        row.payload = EventJson.write(event);
        row.eventTimeMillis = event.timeMillis();
        row.traceParent = currentTraceParent();
        row.createdAt = Instant.now();
        store.persist(row);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
        return event;
    }

    private static String currentTraceParent() {
        SpanContext context = Span.current().getSpanContext();
        if (!context.isValid()) {
            return null;
        }
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
    }
}
