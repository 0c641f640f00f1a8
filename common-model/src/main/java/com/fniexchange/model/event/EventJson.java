package com.fniexchange.model.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * The one JSON mapping of event bodies, pinned here rather than taken from an application's
 * {@code ObjectMapper}: a service that tunes its REST JSON (naming, date format, strictness)
 * must not change what partners receive.
 *
 * <p>Writing: ISO-8601 dates and instants, money as plain numbers with two decimals. Reading:
 * unknown fields are ignored, so adding an optional field to a payload never breaks a consumer
 * (REST input, by contrast, stays strict).
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private EventJson() {
    }

    /** The event body as it is published. */
    public static String write(DomainEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + event.eventType() + " cannot be serialised", e);
        }
    }

    /**
     * Reads a received body as the given payload type, ignoring fields this version does not know.
     *
     * @throws IllegalArgumentException when the body is not JSON or does not fit the type
     */
    public static <T> T read(byte[] body, Class<T> type) {
        try {
            return MAPPER.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event body is not a valid " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("event body is unreadable", e);
        }
    }

    /** Parses a body as a tree (for schema validation or a consumer that reads a few fields). */
    public static JsonNode tree(byte[] body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("event body is not JSON", e);
        }
    }
}
