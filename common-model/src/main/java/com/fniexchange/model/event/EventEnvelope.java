package com.fniexchange.model.event;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The CloudEvents 1.0 attributes of one published event, as they travel in message headers.
 *
 * @param id            unique per event; consumers de-duplicate on it
 * @param type          versioned type, see {@link EventType}
 * @param source        the publishing service, for example {@code /fni-exchange/contract-service}
 * @param subject       the business key (contract number)
 * @param time          when the change happened
 * @param correlationId the request or process that caused it, when known
 * @param traceparent   W3C trace context, when a trace was active
 */
public record EventEnvelope(UUID id, EventType type, String source, String subject, Instant time,
                            String correlationId, String traceparent) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
    }

    /** The envelope as binary-mode headers, in a stable order. Absent optional values are left out. */
    public Map<String, String> toHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEventHeaders.ID, id.toString());
        headers.put(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        headers.put(CloudEventHeaders.TYPE, type.typeName());
        headers.put(CloudEventHeaders.SOURCE, source);
        headers.put(CloudEventHeaders.SUBJECT, subject);
        headers.put(CloudEventHeaders.TIME, time.toString());
        headers.put(CloudEventHeaders.DATA_SCHEMA, type.schemaResource());
        headers.put(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        if (correlationId != null) {
            headers.put(CloudEventHeaders.CORRELATION_ID, correlationId);
        }
        if (traceparent != null) {
            headers.put(CloudEventHeaders.TRACEPARENT, traceparent);
        }
        return headers;
    }

    /** Reads an envelope back from headers, as a consumer receives them. */
    public static EventEnvelope fromHeaders(Map<String, String> headers) {
        String spec = headers.get(CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_1_0.equals(spec)) {
            throw new IllegalArgumentException("unsupported CloudEvents specversion: " + spec);
        }
        return new EventEnvelope(
                UUID.fromString(require(headers, CloudEventHeaders.ID)),
                EventType.parse(require(headers, CloudEventHeaders.TYPE)),
                require(headers, CloudEventHeaders.SOURCE),
                require(headers, CloudEventHeaders.SUBJECT),
                Instant.parse(require(headers, CloudEventHeaders.TIME)),
                headers.get(CloudEventHeaders.CORRELATION_ID),
                headers.get(CloudEventHeaders.TRACEPARENT));
    }

    private static String require(Map<String, String> headers, String name) {
        String value = headers.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing CloudEvents header " + name);
        }
        return value;
    }
}
