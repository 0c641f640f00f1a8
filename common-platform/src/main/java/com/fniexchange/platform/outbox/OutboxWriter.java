package com.fniexchange.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fniexchange.model.event.DomainEvent;
import com.fniexchange.model.event.EventEnvelope;
import com.fniexchange.model.event.EventJson;
import com.fniexchange.platform.Correlation;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends events to this service's outbox, inside the caller's transaction: the state change
 * and its event commit together or not at all.
 *
 * <p>Bodies are written with {@link EventJson}, the platform's pinned mapping, never the
 * application's {@code ObjectMapper}: tuning REST JSON must not change what partners receive.
 *
 * <p>Call it after the aggregate's row was written (inserted, or updated / locked with
 * {@code FOR UPDATE}): that row lock serialises writers of one aggregate, so outbox ids, and
 * with them publication order, follow commit order per aggregate.
 */
public class OutboxWriter {

    private static final ObjectMapper HEADERS_JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final String source;
    private final Set<String> destinations;

    /**
     * @param source       CloudEvents {@code source} of every event this service writes
     * @param destinations the declared destinations ({@code fni.outbox.destinations}); any other is refused
     */
    public OutboxWriter(JdbcClient jdbc, String source, Collection<String> destinations) {
        this.jdbc = jdbc;
        this.source = source;
        this.destinations = Set.copyOf(destinations);
    }

    /**
     * Appends one event.
     *
     * @return the envelope it will be published with (its id is what consumers de-duplicate on)
     * @throws IllegalStateException    when called outside a transaction
     * @throws IllegalArgumentException when the destination is not declared in {@code fni.outbox.destinations}:
     *                                  the business transaction fails loudly instead of the event going nowhere
     */
    public EventEnvelope append(String destination, DomainEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("OutboxWriter.append must run inside the transaction of the state change");
        }
        if (!destinations.contains(destination)) {
            throw new IllegalArgumentException("destination '" + destination + "' is not declared in fni.outbox.destinations "
                    + destinations + "; declare it so it gets an output binding");
        }
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), event.eventType(), source, event.subject(),
                event.occurredAt(), Correlation.currentId(), Correlation.currentTraceparent());
        try {
            jdbc.sql("""
                    INSERT INTO outbox_event (event_id, destination, event_type, aggregate_id, payload, headers, occurred_at)
                    VALUES (:eventId, :destination, :type, :aggregateId, CAST(:payload AS json), CAST(:headers AS jsonb), :occurredAt)
                    """)
                    .param("eventId", envelope.id())
                    .param("destination", destination)
                    .param("type", envelope.type().typeName())
                    .param("aggregateId", envelope.subject())
                    .param("payload", EventJson.write(event))
                    .param("headers", HEADERS_JSON.writeValueAsString(envelope.toHeaders()))
                    .param("occurredAt", Timestamp.from(envelope.time()))
                    .update();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + event.eventType() + " cannot be serialised", e);
        }
        return envelope;
    }
}
