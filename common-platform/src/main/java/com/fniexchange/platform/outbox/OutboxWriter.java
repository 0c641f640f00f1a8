package com.fniexchange.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fniexchange.model.event.DomainEvent;
import com.fniexchange.model.event.EventEnvelope;
import com.fniexchange.platform.web.RequestCorrelation;
import java.sql.Timestamp;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends events to this service's outbox, inside the caller's transaction: the state change
 * and its event commit together or not at all.
 *
 * <p>Call it after the aggregate's row was written (inserted, or updated / locked with
 * {@code FOR UPDATE}): that row lock serialises writers of one aggregate, so outbox ids, and
 * with them publication order, follow commit order per aggregate.
 */
public class OutboxWriter {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final String source;

    public OutboxWriter(JdbcClient jdbc, ObjectMapper json, String source) {
        this.jdbc = jdbc;
        this.json = json;
        this.source = source;
    }

    /**
     * Appends one event.
     *
     * @return the envelope it will be published with (its id is what consumers de-duplicate on)
     * @throws IllegalStateException when called outside a transaction
     */
    public EventEnvelope append(String destination, DomainEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("OutboxWriter.append must run inside the transaction of the state change");
        }
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), event.eventType(), source, event.subject(),
                event.occurredAt(), RequestCorrelation.currentId(), RequestCorrelation.currentTraceparent());
        try {
            jdbc.sql("""
                    INSERT INTO outbox_event (event_id, destination, event_type, aggregate_id, payload, headers, occurred_at)
                    VALUES (:eventId, :destination, :type, :aggregateId, CAST(:payload AS json), CAST(:headers AS jsonb), :occurredAt)
                    """)
                    .param("eventId", envelope.id())
                    .param("destination", destination)
                    .param("type", envelope.type().typeName())
                    .param("aggregateId", envelope.subject())
                    .param("payload", json.writeValueAsString(event))
                    .param("headers", json.writeValueAsString(envelope.toHeaders()))
                    .param("occurredAt", Timestamp.from(envelope.time()))
                    .update();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + event.eventType() + " cannot be serialised", e);
        }
        return envelope;
    }
}
