package com.fniexchange.platform.db;

import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

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
     * then the service's own migrations, then the platform's.
     */
    public static void migrateServiceAndPlatform(Flyway service) {
        Optional<MigrationVersion> adopted = adoptLegacyHistory(service.getConfiguration());
        service.migrate();
        migrate(service, LOCATION, adopted.orElse(MigrationVersion.fromVersion("0")));
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
        return Flyway.configure(service.getConfiguration().getClassLoader())
                .configuration(service.getConfiguration())
                .locations(location)
                .table(HISTORY_TABLE)
                .javaMigrations(new JavaMigration[0])
                .baselineOnMigrate(true)
                .baselineVersion(baseline)
                .baselineDescription("platform history starts")
                .load()
                .migrate();
    }

    /**
     * A schema migrated before the platform had its own history holds the platform's {@code V0_x}
     * rows in the service's history, where Flyway would now report them as applied but missing.
     * Moves them: deletes them there and answers the highest, at which the platform history is
     * then baselined (its tables exist up to that version). Nothing happens once the platform
     * history exists.
     */
    static Optional<MigrationVersion> adoptLegacyHistory(Configuration service) {
        String schema = service.getDefaultSchema() != null ? service.getDefaultSchema()
                : service.getSchemas().length > 0 ? service.getSchemas()[0] : null;
        if (schema == null) {
            return Optional.empty();
        }
        DataSource dataSource = service.getDataSource();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        String serviceHistory = quote(schema) + "." + quote(service.getTable());
        String platformHistory = quote(schema) + "." + quote(HISTORY_TABLE);
        boolean legacy = jdbc.sql("SELECT to_regclass(:service) IS NOT NULL AND to_regclass(:platform) IS NULL")
                .param("service", serviceHistory)
                .param("platform", platformHistory)
                .query(Boolean.class)
                .single();
        if (!legacy) {
            return Optional.empty();
        }
        List<String> versions = jdbc.sql("SELECT version FROM " + serviceHistory + " WHERE script ~ '^V0_[0-9]+__' AND success")
                .query(String.class)
                .list();
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        MigrationVersion highest = versions.stream().map(MigrationVersion::fromVersion).max(MigrationVersion::compareTo).orElseThrow();
        jdbc.sql("DELETE FROM " + serviceHistory + " WHERE script ~ '^V0_[0-9]+__'").update();
        log.warn("moved {} platform migrations (up to {}) out of {}; the platform history {} starts at {}", versions.size(),
                highest, serviceHistory, platformHistory, highest);
        return Optional.of(highest);
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
