package io.wharf.eventbus.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.wharf.eventbus.topic.KafkaSettings;
import io.wharf.eventbus.topic.TopicInitializer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/**
 * Sends committed outbox rows to Kafka in order and marks them sent: at least once (a crash between
 * send and mark resends; consumers dedupe by event id). Woken after each commit, and sweeps every
 * second for rows a previous run left behind.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 256;
    private static final Duration SWEEP = Duration.ofSeconds(1);
    private static final Duration KEEP_SENT = Duration.ofHours(1);

    private final KafkaSettings kafka;
    private final OutboxStore store;
    private final Object signal = new Object();
    private volatile boolean running;
    private boolean woken;
    private Thread worker;
    private Producer<String, String> producer;
    private Instant lastPurge = Instant.EPOCH;

    public OutboxRelay(KafkaSettings kafka, OutboxStore store) {
        this.kafka = kafka;
        this.store = store;
    }

    void onStart(@Observes StartupEvent event) {
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        wake();
        if (worker != null) {
            // a relay blocked on an unreachable broker must not hold up shutdown; unsent rows stay for next time
            worker.join(500);
            worker.interrupt();
            worker.join(1_000);
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
        }
    }

    /** Asks the relay to send now rather than at the next sweep. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void run() {
        long backoffMillis = 100;
        boolean warned = false;
        while (running) {
            try {
                ensureProducer();
                while (running && relayBatch() == BATCH) {
                    // a full batch: more may be waiting
                }
                purgeOldRows();
                backoffMillis = 100;
                warned = false;
                awaitSignal(SWEEP.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                if (!warned) {
                    LOG.warnf("outbox relay cannot reach Kafka at %s yet (%s); retrying", kafka.bootstrapServers(),
                            e.getMessage());
                    warned = true;
                }
                resetProducer();
                try {
                    awaitSignal(backoffMillis);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoffMillis = Math.min(backoffMillis * 2, 5_000);
            }
        }
    }

    private int relayBatch() throws InterruptedException, java.util.concurrent.ExecutionException,
            java.util.concurrent.TimeoutException {
        List<OutboxRecord> batch = QuarkusTransaction.requiringNew().call(() -> store.unsent(BATCH));
        if (batch.isEmpty()) {
            return 0;
        }
        List<Future<?>> sends = new ArrayList<>(batch.size());
        for (OutboxRecord row : batch) {
            ProducerRecord<String, String> record = new ProducerRecord<>(row.topic, null, row.eventTimeMillis,
                    row.recordKey, row.payload);
            if (row.traceParent != null) {
                record.headers().add("traceparent", row.traceParent.getBytes(StandardCharsets.US_ASCII));
            }
            record.headers().add("wharf-event-id", row.eventId.getBytes(StandardCharsets.US_ASCII));
            sends.add(producer.send(record));
        }
        producer.flush();
        for (Future<?> send : sends) {
            send.get(30, TimeUnit.SECONDS);
        }
        List<Long> seqs = batch.stream().map(r -> r.seq).toList();
        QuarkusTransaction.requiringNew().run(() -> store.markSent(seqs, Instant.now()));
        return batch.size();
    }

    private void purgeOldRows() {
        Instant now = Instant.now();
        if (Duration.between(lastPurge, now).compareTo(Duration.ofMinutes(1)) < 0) {
            return;
        }
        lastPurge = now;
        QuarkusTransaction.requiringNew().run(() -> store.purgeSentBefore(now.minus(KEEP_SENT)));
    }

    private void awaitSignal(long millis) throws InterruptedException {
        synchronized (signal) {
            if (!woken) {
                signal.wait(millis);
            }
            woken = false;
        }
    }

    private void ensureProducer() {
        if (producer == null) {
            TopicInitializer.ensureTopics(kafka);
            producer = new KafkaProducer<>(kafka.producerProperties());
        }
    }

    private void resetProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException ignored) {
                // closing a producer that never connected
            }
            producer = null;
        }
    }
}
