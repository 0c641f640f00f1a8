package com.fniexchange.platform.db;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.api.Location;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Adds the platform's shared migrations ({@code classpath:db/platform}: outbox, inbox,
 * idempotency keys, versions 0.x) to every service's Flyway run, so each service gets the
 * tables in its own schema from one template instead of a copy.
 */
@AutoConfiguration(before = FlywayAutoConfiguration.class)
@ConditionalOnClass(name = "org.flywaydb.core.Flyway")
public class PlatformMigrationsAutoConfiguration {

    public static final String LOCATION = "classpath:db/platform";

    @Bean
    FlywayConfigurationCustomizer platformMigrations() {
        return configuration -> {
            List<Location> locations = new ArrayList<>(Arrays.asList(configuration.getLocations()));
            Location platform = new Location(LOCATION);
            if (!locations.contains(platform)) {
                locations.add(platform);
            }
            configuration.locations(locations.toArray(Location[]::new));
        };
    }
}
