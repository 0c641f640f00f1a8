package com.fniexchange.export.support;

import com.fniexchange.platform.db.PlatformMigrations;
import com.fniexchange.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;

/**
 * The claims and cancellation schemas as their services create them: each service's own
 * migrations (reporting views included) then the platform's (outbox, published_event_v), from
 * the services' plain jars, like the services do at start-up, as the services' roles. Once per JVM.
 */
public final class OwningSchemas {

    private static boolean migrated;

    private OwningSchemas() {
    }

    public static synchronized void migrate() {
        if (migrated) {
            return;
        }
        migrate("claims", "classpath:db/claims");
        migrate("cancellation", "classpath:db/cancellation");
        migrated = true;
    }

    private static void migrate(String schema, String location) {
        TestDatabase db = TestDatabase.get();
        PlatformMigrations.migrateServiceAndPlatform(Flyway.configure(OwningSchemas.class.getClassLoader())
                .dataSource(db.url(), db.user(), db.password())
                .initSql("SET ROLE " + TestDatabase.serviceRole(schema))
                .schemas(schema).defaultSchema(schema).locations(location)
                .load());
    }
}
