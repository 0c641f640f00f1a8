package com.fniexchange.platform.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.MigrateResult;

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

    private PlatformMigrations() {
    }

    /**
     * Applies the pending platform migrations, configured like the service's Flyway (data source,
     * schemas, placeholders) but with the platform's location and history. Run it after the
     * service's own migrate: the schema then exists and is not empty, so the platform history
     * starts from a baseline at version 0, below every platform migration.
     */
    public static MigrateResult migrate(Flyway service) {
        return migrate(service, LOCATION);
    }

    /** As {@link #migrate(Flyway)}, from another location (tests replay an older platform release). */
    static MigrateResult migrate(Flyway service, String location) {
        return Flyway.configure(service.getConfiguration().getClassLoader())
                .configuration(service.getConfiguration())
                .locations(location)
                .table(HISTORY_TABLE)
                .javaMigrations(new JavaMigration[0])
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("platform history starts")
                .load()
                .migrate();
    }
}
