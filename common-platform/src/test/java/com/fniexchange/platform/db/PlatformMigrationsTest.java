package com.fniexchange.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fniexchange.testsupport.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A platform migration released after a service reached its own V5 still applies to it, because
 * the platform's tables keep a history of their own.
 */
class PlatformMigrationsTest {

    static final List<String> FIRST_RELEASE = List.of("V0_1__outbox.sql", "V0_2__inbox.sql", "V0_3__idempotency.sql");

    @TempDir
    Path olderPlatform;

    @Test
    void aLaterPlatformMigrationAppliesToAServiceAlreadyAtV5() throws IOException {
        TestDatabase db = TestDatabase.get();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(db.url(), db.user(), db.password());
        String schema = "svc_" + UUID.randomUUID().toString().substring(0, 8);
        Flyway service = Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .locations("classpath:db/service-at-v5")
                .load();
        for (String file : FIRST_RELEASE) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("db/platform/" + file)) {
                Files.copy(in, olderPlatform.resolve(file));
            }
        }

        // the service as deployed with the platform's first release
        assertThat(service.migrate().migrationsExecuted).isEqualTo(5);
        assertThat(PlatformMigrations.migrate(service, "filesystem:" + olderPlatform).migrationsExecuted).isEqualTo(3);

        // the next deployment brings a newer platform; the service itself has nothing new
        assertThat(service.migrate().migrationsExecuted).isZero();
        MigrateResult platform = PlatformMigrations.migrate(service);
        assertThat(platform.migrationsExecuted).isGreaterThanOrEqualTo(1);
        assertThat(platform.migrations).extracting(m -> m.version).contains("0.4");

        JdbcClient jdbc = JdbcClient.create(dataSource);
        assertThat(jdbc.sql("SELECT count(*) FROM information_schema.columns WHERE table_schema = :s "
                + "AND table_name = 'outbox_event' AND column_name = 'parked_at'").param("s", schema).query(Long.class).single())
                .as("the later platform migration ran").isOne();
        assertThat(jdbc.sql("SELECT max(version::int) FROM " + schema + ".flyway_schema_history WHERE version ~ '^[0-9]+$'")
                .query(Integer.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("SELECT count(*) FROM " + schema + ".flyway_schema_history WHERE version LIKE '0.%'")
                .query(Long.class).single()).as("no platform row in the service's history").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM " + schema + "." + PlatformMigrations.HISTORY_TABLE
                + " WHERE version LIKE '0.%' AND success").query(Long.class).single())
                .isEqualTo(3 + platform.migrationsExecuted);
        jdbc.sql("DROP SCHEMA " + schema + " CASCADE").update();
    }

    @Test
    void aSchemaFromBeforeThePlatformHadItsOwnHistoryIsAdopted() throws IOException {
        adopt(false);
    }

    @Test
    void anAdoptionCutShortByACrashIsFinishedOnTheNextStart() throws IOException {
        adopt(true);
    }

    private void adopt(boolean crashMidAdoption) throws IOException {
        TestDatabase db = TestDatabase.get();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(db.url(), db.user(), db.password());
        String schema = "legacy_" + UUID.randomUUID().toString().substring(0, 8);
        for (String file : FIRST_RELEASE) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("db/platform/" + file)) {
                Files.copy(in, olderPlatform.resolve(file));
            }
        }
        // as the first release did: platform scripts in the service's own Flyway run and history
        Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema)
                .locations("classpath:db/service-at-v5", "filesystem:" + olderPlatform).load().migrate();

        Flyway service = Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema)
                .locations("classpath:db/service-at-v5").load();
        if (crashMidAdoption) {
            // the instance died after baselining the platform history, before moving the rows
            PlatformMigrations.baselinePlatformHistory(service,
                    PlatformMigrations.legacyPlatformVersion(service.getConfiguration()).orElseThrow());
        }
        PlatformMigrations.migrateServiceAndPlatform(service);

        JdbcClient jdbc = JdbcClient.create(dataSource);
        assertThat(jdbc.sql("SELECT count(*) FROM " + schema + ".flyway_schema_history WHERE version LIKE '0.%'")
                .query(Long.class).single()).as("moved out of the service's history").isZero();
        assertThat(jdbc.sql("SELECT version FROM " + schema + "." + PlatformMigrations.HISTORY_TABLE + " WHERE type = 'BASELINE'")
                .query(String.class).single()).isEqualTo("0.3");
        assertThat(jdbc.sql("SELECT count(*) FROM information_schema.columns WHERE table_schema = :s "
                + "AND table_name = 'outbox_event' AND column_name = 'parked_at'").param("s", schema).query(Long.class).single())
                .as("later platform migrations applied on top").isOne();
        // and the next start-up is a no-op that validates
        PlatformMigrations.migrateServiceAndPlatform(service);
        jdbc.sql("DROP SCHEMA " + schema + " CASCADE").update();
    }
}
