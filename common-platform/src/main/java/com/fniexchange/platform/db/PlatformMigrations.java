package com.fniexchange.platform.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The platform's tables (outbox, inbox, idempotency keys: {@code classpath:db/platform},
 * versions {@code V0_x}) migrate in each service's schema with a history of their own,
 * {@code flyway_platform_history}. A platform migration added later therefore applies to every
 * service, whatever version the service's own schema has reached; with one shared history
 * Flyway would refuse it as out of order below the service's V5.
 */
public final class PlatformMigrations {

    public static final String LOCATION = "classpath:db/platform";
    public static final String HISTORY_TABLE = "flyway_platform_history";

    private static final Logger log = LoggerFactory.getLogger(PlatformMigrations.class);

    private PlatformMigrations() {
    }

    /**
     * Everything a service's start-up migration does: adopt a legacy layout if there is one,
     * then the service's own migrations, then the platform's. Instances starting at once take
     * turns (a session advisory lock on the schema), so an adoption is never done twice.
     */
    public static void migrateServiceAndPlatform(Flyway service) {
        Configuration configuration = service.getConfiguration();
        String schema = schemaOf(configuration);
        try (Connection lock = configuration.getDataSource().getConnection()) {
            lock.setAutoCommit(true);
            JdbcClient locking = JdbcClient.create(new SingleConnectionDataSource(lock, true));
            locking.sql("SELECT pg_advisory_lock(hashtext(:key), -2)").param("key", schema + ".platform-migrations")
                    .query((rs, n) -> 1).single();
            try {
                adoptLegacyHistory(configuration, service);
                service.migrate();
                migrate(service);
            } finally {
                locking.sql("SELECT pg_advisory_unlock(hashtext(:key), -2)").param("key", schema + ".platform-migrations")
                        .query((rs, n) -> 1).single();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not lock the migrations of schema " + schema, e);
        }
    }

    /**
     * Applies the pending platform migrations, configured like the service's Flyway (data source,
     * schemas, placeholders) but with the platform's location and history. Run it after the
     * service's own migrate: the schema then exists and is not empty, so the platform history
     * starts from a baseline at version 0, below every platform migration.
     */
    public static MigrateResult migrate(Flyway service) {
        return migrate(service, LOCATION, MigrationVersion.fromVersion("0"));
    }

    /** As {@link #migrate(Flyway)}, from another location (tests replay an older platform release). */
    static MigrateResult migrate(Flyway service, String location) {
        return migrate(service, location, MigrationVersion.fromVersion("0"));
    }

    private static MigrateResult migrate(Flyway service, String location, MigrationVersion baseline) {
        return platformFlyway(service, location, baseline).migrate();
    }

    private static Flyway platformFlyway(Flyway service, String location, MigrationVersion baseline) {
        return Flyway.configure(service.getConfiguration().getClassLoader())
                .configuration(service.getConfiguration())
                .locations(location)
                .table(HISTORY_TABLE)
                .javaMigrations(new JavaMigration[0])
                .baselineOnMigrate(true)
                .baselineVersion(baseline)
                .baselineDescription("platform history starts")
                .load();
    }

    /**
     * A schema migrated before the platform had its own history holds the platform's {@code V0_x}
     * rows in the service's history, where Flyway would now report them as applied but missing.
     * Moves them, in an order that survives a crash at any point: first the platform history is
     * baselined at the highest of them (its tables exist up to there), then they are deleted from
     * the service's history. A later start finds the platform history and only finishes the delete.
     */
    static void adoptLegacyHistory(Configuration configuration, Flyway service) {
        Optional<MigrationVersion> highest = legacyPlatformVersion(configuration);
        if (highest.isEmpty()) {
            return;
        }
        baselinePlatformHistory(service, highest.get());
        int moved = JdbcClient.create(configuration.getDataSource())
                .sql("DELETE FROM " + serviceHistory(configuration) + " WHERE script ~ '^V0_[0-9]+__'")
                .update();
        log.warn("moved {} platform migrations (up to {}) out of {} into {}", moved, highest.get(), serviceHistory(configuration),
                PlatformMigrations.HISTORY_TABLE);
    }

    /** The highest platform version recorded in the service's own history, if any is. */
    static Optional<MigrationVersion> legacyPlatformVersion(Configuration configuration) {
        JdbcClient jdbc = JdbcClient.create(configuration.getDataSource());
        boolean exists = jdbc.sql("SELECT to_regclass(:history) IS NOT NULL").param("history", serviceHistory(configuration))
                .query(Boolean.class).single();
        if (!exists) {
            return Optional.empty();
        }
        List<String> versions = jdbc.sql("SELECT version FROM " + serviceHistory(configuration)
                        + " WHERE script ~ '^V0_[0-9]+__' AND success")
                .query(String.class)
                .list();
        return versions.stream().map(MigrationVersion::fromVersion).max(MigrationVersion::compareTo);
    }

    /** Starts the platform history at {@code version}, unless it exists already. */
    static void baselinePlatformHistory(Flyway service, MigrationVersion version) {
        Configuration configuration = service.getConfiguration();
        boolean exists = JdbcClient.create(configuration.getDataSource())
                .sql("SELECT to_regclass(:history) IS NOT NULL")
                .param("history", quote(schemaOf(configuration)) + "." + quote(HISTORY_TABLE))
                .query(Boolean.class).single();
        if (!exists) {
            platformFlyway(service, LOCATION, version).baseline();
        }
    }

    private static String schemaOf(Configuration configuration) {
        return configuration.getDefaultSchema() != null ? configuration.getDefaultSchema() : configuration.getSchemas()[0];
    }

    private static String serviceHistory(Configuration configuration) {
        return quote(schemaOf(configuration)) + "." + quote(configuration.getTable());
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
