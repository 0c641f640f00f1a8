package com.fniexchange.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fniexchange.model.event.DomainEvent;
import com.fniexchange.model.event.EventEnvelope;
import com.fniexchange.model.event.EventJson;
import com.fniexchange.platform.Correlation;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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
        return appendAll(destination, List.of(event)).get(0);
    }

    /**
     * Appends events in the given order, in one statement: one round trip however many events a
     * change produces. Their outbox ids, and so their publication order, follow the list.
     *
     * @return the envelopes, in the same order
     * @throws IllegalStateException    when called outside a transaction
     * @throws IllegalArgumentException when the destination is not declared in {@code fni.outbox.destinations}
     */
    public List<EventEnvelope> appendAll(String destination, List<? extends DomainEvent> events) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("OutboxWriter.append must run inside the transaction of the state change");
        }
        if (!destinations.contains(destination)) {
            throw new IllegalArgumentException("destination '" + destination + "' is not declared in fni.outbox.destinations "
                    + destinations + "; declare it so it gets an output binding");
        }
        if (events.isEmpty()) {
            return List.of();
        }
        List<EventEnvelope> envelopes = new ArrayList<>(events.size());
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < events.size(); i++) {
            values.append(i == 0 ? "" : ", ").append(("(:eventId%d, :destination, :type%d, :aggregateId%d, CAST(:payload%d AS json), "
                    + "CAST(:headers%d AS jsonb), :occurredAt%d)").formatted(i, i, i, i, i, i));
        }
        // a multi-row VALUES draws the serial ids in row order
        JdbcClient.StatementSpec insert = jdbc.sql("""
                INSERT INTO outbox_event (event_id, destination, event_type, aggregate_id, payload, headers, occurred_at)
                VALUES """ + values).param("destination", destination);
        for (int i = 0; i < events.size(); i++) {
            DomainEvent event = events.get(i);
            EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), event.eventType(), source, event.subject(),
                    event.occurredAt(), Correlation.currentId(), Correlation.currentTraceparent());
            try {
                insert = insert.param("eventId" + i, envelope.id())
                        .param("type" + i, envelope.type().typeName())
                        .param("aggregateId" + i, envelope.subject())
                        .param("payload" + i, EventJson.write(event))
                        .param("headers" + i, HEADERS_JSON.writeValueAsString(envelope.toHeaders()))
                        .param("occurredAt" + i, Timestamp.from(envelope.time()));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("event " + event.eventType() + " cannot be serialised", e);
            }
            envelopes.add(envelope);
        }
        insert.update();
        return List.copyOf(envelopes);
    }
}
