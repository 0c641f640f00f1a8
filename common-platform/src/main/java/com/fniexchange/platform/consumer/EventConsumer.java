package com.fniexchange.platform.consumer;

import com.fniexchange.model.event.CloudEventHeaders;
import com.fniexchange.model.event.EventEnvelope;
import com.fniexchange.platform.Backoff;
import com.fniexchange.platform.Correlation;
import com.fniexchange.platform.consumer.ConsumerMetrics.Outcome;
import com.fniexchange.platform.inbox.Inbox;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.BeanNameAware;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * One consumer's function bean: {@code Consumer<Message<byte[]>>}, bound by Spring Cloud Stream
 * as {@code <bean name>-in-0} on whichever binder is active. For each message it
 * <ol>
 *   <li>reads the CloudEvents headers into an {@link EventEnvelope} and the body into the
 *       payload type registered for {@code ce_type} (no handler: skipped, {@code ignored});</li>
 *   <li>records the event in the {@link Inbox} and runs the handler in ONE transaction
 *       (a duplicate id changes nothing);</li>
 *   <li>retries a failing try with backoff, each in a fresh transaction, and after
 *       {@code fni.consumer.max-attempts} sends the message to {@code <destination>.dlq};</li>
 *   <li>returns normally, so the binder commits the offset (checkpoints) and goes on.</li>
 * </ol>
 * An unreadable message (missing or bad {@code ce_*} headers, a body that does not fit) cannot
 * get better by retrying: it is dead-lettered at once. Create it with {@link EventConsumers#of}.
 */
class EventConsumer implements Consumer<Message<byte[]>>, BeanNameAware {

    private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);
    /** Set by the Kafka binder; lets one binding that reads several topics dead-letter to the right one. */
    private static final String KAFKA_RECEIVED_TOPIC = "kafka_receivedTopic";

    private final EventHandlers handlers;
    /** The platform's inbox, transactions, dead letters, metrics and settings every consumer shares. */
    private final EventConsumers platform;
    private volatile String functionName;

    EventConsumer(EventHandlers handlers, EventConsumers platform) {
        this.handlers = handlers;
        this.platform = platform;
        platform.metrics.register(handlers.consumer());
    }

    @Override
    public void setBeanName(String name) {
        this.functionName = name;
    }

    /** The input binding Spring Cloud Stream gives this function bean. */
    public String inputBinding() {
        return functionName + "-in-0";
    }

    /** This consumer's name, as in the inbox and on metrics. */
    public String consumer() {
        return handlers.consumer();
    }

    @Override
    public void accept(Message<byte[]> message) {
        Map<String, String> cloudEvents = cloudEventHeaders(message.getHeaders());
        String type = cloudEvents.getOrDefault(CloudEventHeaders.TYPE, "none");
        if (cloudEvents.containsKey(CloudEventHeaders.TYPE) && handlers.forType(type).isEmpty()) {
            log.debug("{} skips event {} of type {}: no handler", consumer(), cloudEvents.get(CloudEventHeaders.ID), type);
            platform.metrics.consumed(consumer(), type, Outcome.IGNORED);
            return;
        }
        EventEnvelope envelope;
        EventHandlers.ReadEvent event;
        try {
            if (!cloudEvents.containsKey(CloudEventHeaders.TYPE)) {
                throw new IllegalArgumentException("missing CloudEvents header " + CloudEventHeaders.TYPE);
            }
            envelope = EventEnvelope.fromHeaders(cloudEvents);
            event = handlers.forType(type).orElseThrow().read(message.getPayload());
        } catch (RuntimeException unreadable) {
            log.warn("{} cannot read event {} ({}): {}", consumer(), cloudEvents.get(CloudEventHeaders.ID), type,
                    unreadable.getMessage());
            deadLetter(message, cloudEvents, type, unreadable, 1);
            return;
        }
        String outerCorrelationId = MDC.get(Correlation.MDC_CORRELATION_ID);
        String outerTraceparent = MDC.get(Correlation.MDC_TRACEPARENT);
        try {
            // events the handler appends to the outbox carry the causing event's correlation and trace
            putMdc(Correlation.MDC_CORRELATION_ID, envelope.correlationId());
            putMdc(Correlation.MDC_TRACEPARENT, envelope.traceparent());
            handle(message, cloudEvents, envelope, event);
        } finally {
            MDC.remove(Correlation.MDC_CORRELATION_ID);
            MDC.remove(Correlation.MDC_TRACEPARENT);
            putMdc(Correlation.MDC_CORRELATION_ID, outerCorrelationId);
            putMdc(Correlation.MDC_TRACEPARENT, outerTraceparent);
        }
    }

    private void handle(Message<byte[]> message, Map<String, String> cloudEvents, EventEnvelope envelope,
                        EventHandlers.ReadEvent event) {
        String type = envelope.type().typeName();
        for (int attempt = 1; ; attempt++) {
            try {
                Boolean first = platform.tx.execute(status -> {
                    if (!platform.inbox.firstDelivery(envelope, consumer())) {
                        return false;
                    }
                    event.handleWith(envelope);
                    return true;
                });
                platform.metrics.consumed(consumer(), type, Boolean.TRUE.equals(first) ? Outcome.PROCESSED : Outcome.DUPLICATE);
                return;
            } catch (RuntimeException failure) {
                platform.metrics.failedTry(consumer(), type);
                if (attempt >= platform.properties.maxAttempts()) {
                    log.error("{} gives up on event {} ({}) after {} tries, dead-lettering it: {}", consumer(),
                            envelope.id(), type, attempt, failure.toString(), failure);
                    deadLetter(message, cloudEvents, type, failure, attempt);
                    return;
                }
                log.warn("{} failed on event {} ({}), try {} of {}: {}", consumer(), envelope.id(), type, attempt,
                        platform.properties.maxAttempts(), failure.toString());
                pause(backoff(attempt));
            }
        }
    }

    private void deadLetter(Message<byte[]> message, Map<String, String> cloudEvents, String type,
                            RuntimeException failure, int attempts) {
        String destination = sourceDestination(message);
        // until the dead letter is acknowledged the message must not be committed past: keep trying
        // (the broker that refuses it is the one this consumer reads from, so nothing else could go on anyway),
        // counted and shown as stuck so an alert fires instead of a silent stall
        boolean stuck = false;
        try {
            for (int send = 1; ; send++) {
                try {
                    platform.deadLetters.send(destination, message.getPayload(), cloudEvents, consumer(), failure, attempts);
                    platform.metrics.consumed(consumer(), type, Outcome.DEAD_LETTERED);
                    return;
                } catch (RuntimeException refused) {
                    platform.metrics.deadLetterRefused(consumer());
                    if (!stuck) {
                        stuck = true;
                        platform.metrics.stuckOnDeadLetter(consumer());
                    }
                    log.error("{} cannot dead-letter event {} to {} (try {}): {}", consumer(),
                            cloudEvents.get(CloudEventHeaders.ID), DeadLetters.of(destination), send, refused.toString());
                    pause(backoff(send));
                }
            }
        } finally {
            if (stuck) {
                platform.metrics.freedFromDeadLetter(consumer());
            }
        }
    }

    private String sourceDestination(Message<byte[]> message) {
        String received = text(message.getHeaders().get(KAFKA_RECEIVED_TOPIC));
        if (received != null) {
            return received;
        }
        if (functionName == null) {
            throw new IllegalStateException("EventConsumer of " + consumer() + " is not a bean: no binding to dead-letter from");
        }
        return platform.bindingDestination.apply(inputBinding());
    }

    /** Exponential: initial, 2×, 4×... capped at the maximum. */
    Duration backoff(int attempt) {
        return new Backoff(platform.properties.backoffInitial(), platform.properties.backoffMax()).after(attempt);
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // only a forced shutdown interrupts a listener thread; the binder then decides (Kafka: the
            // container's error handler), the inbox absorbs a redelivery if the change had committed
            throw new IllegalStateException("consumer interrupted while retrying", e);
        }
    }

    /** The CloudEvents headers (and trace context, content type) as text, whether the binder gave bytes or strings. */
    static Map<String, String> cloudEventHeaders(MessageHeaders headers) {
        Map<String, String> text = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            if (name.startsWith("ce_") || name.equals(CloudEventHeaders.TRACEPARENT) || name.equals(CloudEventHeaders.CONTENT_TYPE)) {
                String decoded = text(value);
                if (decoded != null) {
                    text.put(name, decoded);
                }
            }
        });
        return text;
    }

    private static String text(Object value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }

    private static void putMdc(String key, String value) {
        if (value != null) {
            MDC.put(key, value);
        }
    }
}
