package com.fniexchange.platform.db;

import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;

/**
 * Runs the platform's own migrations ({@link PlatformMigrations}) after the service's, in the
 * service's schema, with a history of their own. A service that needs its own
 * {@link FlywayMigrationStrategy} calls {@link PlatformMigrations#migrateServiceAndPlatform(Flyway)} from it.
 */
@AutoConfiguration(before = FlywayAutoConfiguration.class)
@ConditionalOnClass(Flyway.class)
class PlatformMigrationsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    FlywayMigrationStrategy serviceThenPlatformMigrations() {
        return PlatformMigrations::migrateServiceAndPlatform;
    }
}
