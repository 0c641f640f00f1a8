package com.fniexchange.platform.consumer;

import com.fniexchange.model.event.CloudEventHeaders;
import com.fniexchange.platform.Bindings;
import java.time.Clock;
import java.util.Map;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Sends an event a consumer could not handle to {@code <destination>.dlq}, through the same
 * binder it came from (Kafka topic or Event Hub): the body unchanged, the original CloudEvents
 * headers, and the failure in {@code x-fni-*} headers. No stack trace: the reason is the
 * exception's message; the log has the rest.
 */
public class DeadLetters {

    public static final String SUFFIX = ".dlq";
    public static final String FAILURE_REASON = "x-fni-failure-reason";
    public static final String FAILURE_CLASS = "x-fni-failure-class";
    public static final String FAILED_AT = "x-fni-failed-at";
    public static final String ATTEMPTS = "x-fni-attempts";
    public static final String CONSUMER = "x-fni-consumer";
    public static final String ORIGINAL_DESTINATION = "x-fni-original-destination";

    private static final int MAX_REASON = 500;

    private final StreamBridge streamBridge;
    private final String partitionKeyHeader;
    private final Clock clock;

    /**
     * @param partitionKeyHeader header the binder takes the partition key from (the event's
     *                           subject is used, as the outbox does)
     */
    public DeadLetters(StreamBridge streamBridge, String partitionKeyHeader, Clock clock) {
        this.streamBridge = streamBridge;
        this.partitionKeyHeader = partitionKeyHeader;
        this.clock = clock;
    }

    /** The dead-letter destination of a topic / event hub. */
    public static String of(String destination) {
        return destination + SUFFIX;
    }

    /**
     * The name of the output binding (without {@code -out-0}) the platform declares for a
     * consumed destination's dead letters: {@code <destination>-dlq}, bound to
     * {@code <destination>.dlq}. Declared at start-up like the outbox's, never a StreamBridge
     * dynamic binding, which is not retried when its first bind fails while the broker is down.
     */
    public static String bindingOf(String destination) {
        return destination + "-dlq";
    }

    /**
     * Sends synchronously (the binders are set to wait for the broker's acknowledgement).
     *
     * @param cloudEvents the received {@code ce_*}, {@code traceparent} and {@code content-type} headers, as text
     * @throws RuntimeException when the broker did not take it (the caller retries)
     */
    void send(String destination, byte[] body, Map<String, String> cloudEvents, String consumer,
              RuntimeException failure, int attempts) {
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(body)
                .copyHeaders(cloudEvents)
                .setHeader(FAILURE_REASON, reason(failure))
                .setHeader(FAILURE_CLASS, failure.getClass().getName())
                .setHeader(FAILED_AT, clock.instant().toString())
                .setHeader(ATTEMPTS, String.valueOf(attempts))
                .setHeader(CONSUMER, consumer)
                .setHeader(ORIGINAL_DESTINATION, destination);
        String subject = cloudEvents.get(CloudEventHeaders.SUBJECT);
        if (subject != null) {
            message.setHeader(partitionKeyHeader, subject);
        }
        Message<byte[]> built = message.build();
        if (!streamBridge.send(Bindings.outputOf(bindingOf(destination)), built)) {
            throw new IllegalStateException("binder refused the dead letter for " + of(destination));
        }
    }

    /** One line, bounded: the message of the failure (and of its cause, when that says more). */
    static String reason(Throwable failure) {
        String reason = failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
        Throwable cause = failure.getCause();
        if (cause != null && cause != failure && cause.getMessage() != null && !reason.contains(cause.getMessage())) {
            reason = reason + " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
        }
        reason = reason.replaceAll("[\\r\\n\\t]+", " ").strip();
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 1) + "…";
    }
}
