package com.fniexchange.model.event;

import java.util.regex.Pattern;

/**
 * A versioned CloudEvents type name, {@code com.fniexchange.<domain>.<name>.v<version>}, for
 * example {@code com.fniexchange.contract.submitted.v1}. A breaking change to a payload is a
 * new version, published beside the old one until partners have moved.
 */
public record EventType(String domain, String name, int version) {

    private static final Pattern WORD = Pattern.compile("[a-z][a-z-]*");
    private static final String PREFIX = "com.fniexchange.";

    public EventType {
        if (domain == null || !WORD.matcher(domain).matches()) {
            throw new IllegalArgumentException("event domain must be lower-case words, got " + domain);
        }
        if (name == null || !WORD.matcher(name).matches()) {
            throw new IllegalArgumentException("event name must be lower-case words, got " + name);
        }
        if (version < 1) {
            throw new IllegalArgumentException("event version starts at 1, got " + version);
        }
    }

    public static EventType of(String domain, String name, int version) {
        return new EventType(domain, name, version);
    }

    /** Parses a type name such as {@code com.fniexchange.contract.voided.v1}. */
    public static EventType parse(String typeName) {
        if (typeName == null || !typeName.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not an fni-exchange event type: " + typeName);
        }
        String[] parts = typeName.substring(PREFIX.length()).split("\\.");
        if (parts.length != 3 || !parts[2].matches("v\\d+")) {
            throw new IllegalArgumentException("event type must look like com.fniexchange.<domain>.<name>.v<n>: " + typeName);
        }
        return new EventType(parts[0], parts[1], Integer.parseInt(parts[2].substring(1)));
    }

    /** The CloudEvents {@code type} attribute. */
    public String typeName() {
        return PREFIX + domain + "." + name + ".v" + version;
    }

    /** Where this type's JSON Schema lives on the classpath. */
    public String schemaResource() {
        return "schemas/" + typeName() + ".schema.json";
    }

    @Override
    public String toString() {
        return typeName();
    }
}
