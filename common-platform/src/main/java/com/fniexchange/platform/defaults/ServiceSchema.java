package com.fniexchange.platform.defaults;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code fni.schema}: the one name a service's data lives under. It sets the connection's
 * schema (unqualified SQL, the platform's outbox and inbox included, lands there), Flyway's
 * schemas and default schema, and its migrations folder {@code classpath:db/<schema>}, so
 * two services' migrations never meet in one JVM (the end-to-end tests run several).
 */
final class ServiceSchema {

    static final String PROPERTY = "fni.schema";
    /**
     * {@code fni.db.role} ({@code FNI_DB_ROLE}): the service's database role
     * (deploy/db/service-roles.sql) when the login user is not the role itself but a member of it.
     */
    static final String ROLE_PROPERTY = "fni.db.role";
    /** A plain PostgreSQL identifier: it is also a folder name and goes into SQL unquoted. */
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private ServiceSchema() {
    }

    /** The settings {@code schema} implies, as defaults a service's own configuration overrides. */
    static Map<String, Object> settingsFor(String schema) {
        requireIdentifier(PROPERTY, schema);
        return Map.of(
                "spring.datasource.hikari.schema", schema,
                "spring.flyway.schemas", schema,
                "spring.flyway.default-schema", schema,
                "spring.flyway.locations", "classpath:db/" + schema);
    }

    /**
     * Every connection (Flyway's and Spring Batch's too) first acts as {@code role}, so the
     * service has that role's privileges and no more, and what it creates belongs to the role.
     */
    static Map<String, Object> settingsForRole(String role) {
        requireIdentifier(ROLE_PROPERTY, role);
        return Map.of("spring.datasource.hikari.connection-init-sql", "SET ROLE " + role);
    }

    private static void requireIdentifier(String property, String value) {
        if (!IDENTIFIER.matcher(value).matches()) {
            throw new IllegalStateException(property + " must be a lower-case PostgreSQL identifier"
                    + " (a letter, then letters, digits or _; at most 63), not '" + value + "'");
        }
    }
}
