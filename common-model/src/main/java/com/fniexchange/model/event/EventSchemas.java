package com.fniexchange.model.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Validates event bodies against the JSON Schemas shipped in this jar under
 * {@code schemas/<type>.schema.json} (draft 2020-12, formats asserted).
 *
 * <p>Two checks, for the two sides of a stream: {@link #violations} is strict and is what a
 * producer runs on what it publishes (the schemas say {@code additionalProperties: false}).
 * {@link #violationsIgnoringUnknownFields} is what a consumer runs on what it receives: within a
 * version, optional fields may be added, so a field this jar does not know yet is not an error.
 */
public final class EventSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();
    private static final String UNKNOWN_FIELD_KEYWORD = "additionalProperties";
    private static final Map<EventType, JsonSchema> CACHE = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** Whether a schema is shipped for this type. */
    public static boolean exists(EventType type) {
        return EventSchemas.class.getClassLoader().getResource(type.schemaResource()) != null;
    }

    /**
     * Validates one event body strictly, as a producer checks what it publishes: a property the
     * schema does not declare is a violation. Consumers use {@link #violationsIgnoringUnknownFields}.
     *
     * @return the violations, one readable line each ({@code $.dealerCost: must be a number}); empty when valid
     * @throws IllegalArgumentException when no schema is shipped for the type
     */
    public static List<String> violations(EventType type, JsonNode body) {
        return messages(type, body, message -> true);
    }

    /**
     * Validates one received event body as a consumer should: like {@link #violations}, but a
     * property the schema does not declare (keyword {@code additionalProperties}) is ignored,
     * because a later release of the same version may add optional fields. Everything else (a
     * missing required field, a wrong type or format) is still reported.
     *
     * @return the violations, one readable line each; empty when valid
     * @throws IllegalArgumentException when no schema is shipped for the type
     */
    public static List<String> violationsIgnoringUnknownFields(EventType type, JsonNode body) {
        return messages(type, body, message -> !UNKNOWN_FIELD_KEYWORD.equals(message.getType()));
    }

    private static List<String> messages(EventType type, JsonNode body, Predicate<ValidationMessage> reported) {
        JsonSchema schema = CACHE.computeIfAbsent(type, EventSchemas::load);
        return schema.validate(body).stream()
                .filter(reported)
                .map(ValidationMessage::getMessage)
                .sorted()
                .toList();
    }

    private static JsonSchema load(EventType type) {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
            if (in == null) {
                throw new IllegalArgumentException("no JSON Schema shipped for " + type + " (expected " + type.schemaResource() + ")");
            }
            return FACTORY.getSchema(in, CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
