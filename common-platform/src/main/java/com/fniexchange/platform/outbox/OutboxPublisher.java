package com.fniexchange.platform.outbox;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import com.fniexchange.platform.Bindings;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Sends one outbox row through Spring Cloud Stream: the JSON body as is, the CloudEvents
 * attributes as headers (binary mode), the aggregate id as partition key. Each send answers the
 * broker's acknowledgement as a future: pending for a pipelined (Kafka) binding, already
 * complete for a synchronous one, whose normal return is the acknowledgement.
 */
class OutboxPublisher {

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() { };

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StreamBridge streamBridge;
    private final String partitionKeyHeader;
    private final Set<String> destinations;

    private final SendAcknowledgements acknowledgements;

    OutboxPublisher(StreamBridge streamBridge, String partitionKeyHeader, Collection<String> destinations,
                    SendAcknowledgements acknowledgements) {
        this.streamBridge = streamBridge;
        this.partitionKeyHeader = partitionKeyHeader;
        this.destinations = Set.copyOf(destinations);
        this.acknowledgements = acknowledgements;
    }

    /**
     * Sends the row.
     *
     * @return completes when the broker acknowledged it, exceptionally when it did not
     * @throws RuntimeException when the send failed before it left (refused, or no broker metadata in time)
     */
    CompletableFuture<?> publish(OutboxRow row) {
        if (!destinations.contains(row.destination())) {
            // never let StreamBridge invent a dynamic binding: it is not retried when its first bind fails
            throw new UndeclaredDestinationException("destination '" + row.destination()
                    + "' is not declared in fni.outbox.destinations " + destinations);
        }
        boolean pipelined = acknowledgements.isPipelined(row.destination());
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(row.payload().getBytes(StandardCharsets.UTF_8))
                .copyHeaders(headers(row))
                .setHeader(partitionKeyHeader, row.aggregateId());
        if (pipelined) {
            message.setHeader(SendAcknowledgements.FUTURE_TOKEN, row.eventId());
        }
        acknowledgements.take();
        if (!streamBridge.send(Bindings.outputOf(row.destination()), message.build())) {
            throw new IllegalStateException("binder refused event " + row.eventId() + " for " + row.destination());
        }
        CompletableFuture<?> ack = acknowledgements.take();
        if (ack != null) {
            return ack;
        }
        if (pipelined) {
            // an asynchronous send that reported no future could not be known acknowledged
            throw new IllegalStateException("binder reported no acknowledgement for event " + row.eventId());
        }
        return CompletableFuture.completedFuture(null);
    }

    /** A row whose destination has no declared output binding: refused as such, however often it is tried. */
    static class UndeclaredDestinationException extends IllegalStateException {
        UndeclaredDestinationException(String message) {
            super(message);
        }
    }

    private Map<String, String> headers(OutboxRow row) {
        try {
            return JSON.readValue(row.headers(), HEADERS);
        } catch (IOException e) {
            throw new UncheckedIOException("outbox row " + row.id() + " has unreadable headers", e);
        }
    }
}
