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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates event bodies against the JSON Schemas shipped in this jar under
 * {@code schemas/<type>.schema.json} (draft 2020-12, formats asserted). Partners can run the
 * same check on what they receive.
 */
public final class EventSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();
    private static final Map<EventType, JsonSchema> CACHE = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** Whether a schema is shipped for this type. */
    public static boolean exists(EventType type) {
        return EventSchemas.class.getClassLoader().getResource(type.schemaResource()) != null;
    }

    /**
     * Validates one event body.
     *
     * @return the violations, one readable line each ({@code $.dealerCost: must be a number}); empty when valid
     * @throws IllegalArgumentException when no schema is shipped for the type
     */
    public static List<String> violations(EventType type, JsonNode body) {
        JsonSchema schema = CACHE.computeIfAbsent(type, EventSchemas::load);
        return schema.validate(body).stream()
                .sorted(Comparator.comparing(ValidationMessage::getMessage))
                .map(ValidationMessage::getMessage)
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
