package com.fniexchange.platform.inbox;

import com.fniexchange.model.event.EventEnvelope;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Consumer-side de-duplication. Delivery is at least once; a consumer calls
 * {@link #firstDelivery} in the same transaction as the state change the event causes and
 * applies the event only when it answers true. A redelivered event id is skipped and counted in
 * {@code fni.inbox.duplicates}.
 */
public class Inbox {

    private final JdbcClient jdbc;
    private final MeterRegistry registry;

    public Inbox(JdbcClient jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
    }

    /**
     * Records the event for this consumer.
     *
     * @param consumer a stable name for the consuming handler, e.g. {@code contract-cancellations}
     * @return true the first time this consumer sees the event id, false for a redelivery
     * @throws IllegalStateException outside a transaction (the record must commit with the change)
     */
    public boolean firstDelivery(EventEnvelope envelope, String consumer) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Inbox.firstDelivery must run inside the consumer's transaction");
        }
        int inserted = jdbc.sql("""
                INSERT INTO processed_event (event_id, consumer, event_type) VALUES (:id, :consumer, :type)
                ON CONFLICT (event_id, consumer) DO NOTHING
                """)
                .param("id", envelope.id())
                .param("consumer", consumer)
                .param("type", envelope.type().typeName())
                .update();
        if (inserted == 0) {
            registry.counter("fni.inbox.duplicates", "consumer", consumer, "type", envelope.type().typeName()).increment();
            return false;
        }
        registry.counter("fni.inbox.processed", "consumer", consumer, "type", envelope.type().typeName()).increment();
        return true;
    }
}
