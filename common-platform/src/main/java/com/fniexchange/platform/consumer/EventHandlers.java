package com.fniexchange.platform.consumer;

import com.fniexchange.model.event.EventEnvelope;
import com.fniexchange.model.event.EventJson;
import com.fniexchange.model.event.contract.ContractActivated;
import com.fniexchange.model.event.contract.ContractCancelled;
import com.fniexchange.model.event.contract.ContractPendingReview;
import com.fniexchange.model.event.contract.ContractRejected;
import com.fniexchange.model.event.contract.ContractStatusChanged;
import com.fniexchange.model.event.contract.ContractVoided;
import com.fniexchange.model.event.EventType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The handlers of one consumer, one per event type it cares about. Build it in the service and
 * hand it to {@link EventConsumers#of}:
 *
 * <pre>{@code
 * EventHandlers.forConsumer("contract-projection")
 *         .on(ContractSubmitted.TYPE, ContractSubmitted.class, projection::submitted)
 *         .on(ContractVoided.TYPE, ContractVoided.class, projection::voided);
 * }</pre>
 *
 * Types without a handler are skipped (counted as {@code ignored}), so a producer may add event
 * types to a stream without breaking its consumers.
 */
public final class EventHandlers {

    private final String consumer;
    private final Map<String, Registration<?>> byType = new LinkedHashMap<>();

    private EventHandlers(String consumer) {
        this.consumer = consumer;
    }

    /**
     * @param consumer a stable name for this consumer: the inbox de-duplicates per name, and
     *                 metrics are tagged with it (e.g. {@code contract-cancellations})
     */
    public static EventHandlers forConsumer(String consumer) {
        if (consumer == null || consumer.isBlank()) {
            throw new IllegalArgumentException("a consumer needs a name");
        }
        return new EventHandlers(consumer);
    }

    /**
     * Handles events of {@code type}, their body read as {@code payload} with {@link EventJson}
     * (fields the payload does not know are ignored).
     */
    public <T> EventHandlers on(EventType type, Class<T> payload, EventHandler<? super T> handler) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(handler, "handler");
        if (byType.putIfAbsent(type.typeName(), new Registration<>(payload, handler)) != null) {
            throw new IllegalArgumentException(consumer + " already handles " + type);
        }
        return this;
    }

    /**
     * Handles every contract status event ({@link ContractStatusChanged}: activated, pending
     * review, rejected, voided, cancelled) by applying it to the projection, with its rule that
     * an older status never overwrites a newer one.
     */
    public EventHandlers onContractStatus(ContractStatusProjection projection) {
        Objects.requireNonNull(projection, "projection");
        EventHandler<ContractStatusChanged> apply = (envelope, event) -> projection.apply(event);
        return on(ContractActivated.TYPE, ContractActivated.class, apply)
                .on(ContractPendingReview.TYPE, ContractPendingReview.class, apply)
                .on(ContractRejected.TYPE, ContractRejected.class, apply)
                .on(ContractVoided.TYPE, ContractVoided.class, apply)
                .on(ContractCancelled.TYPE, ContractCancelled.class, apply);
    }

    /** The consumer's name, as recorded in the inbox and tagged on metrics. */
    public String consumer() {
        return consumer;
    }

    /** The CloudEvents types this consumer handles. */
    public Set<String> types() {
        return Set.copyOf(byType.keySet());
    }

    Optional<Registration<?>> forType(String typeName) {
        return Optional.ofNullable(typeName == null ? null : byType.get(typeName));
    }

    /** One type's payload class and handler, kept together so the cast is checked once, here. */
    record Registration<T>(Class<T> payload, EventHandler<? super T> handler) {

        /** Reads the body; the returned step runs the handler on it. */
        ReadEvent read(byte[] body) {
            T event = EventJson.read(body, payload);
            return envelope -> handler.handle(envelope, event);
        }
    }

    /** A body already read, waiting for its handler to run. */
    @FunctionalInterface
    interface ReadEvent {
        void handleWith(EventEnvelope envelope);
    }
}
