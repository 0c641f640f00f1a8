package com.fniexchange.platform.retention;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code fni.purge.*}: the purge of platform rows past their retention.
 *
 * @param enabled      run purges in this instance (one instance at a time runs them anyway)
 * @param interval     pause between purge runs
 * @param initialDelay first run after start-up
 * @param batchSize    rows deleted per statement, each its own short transaction, so a large
 *                     backlog never holds locks or bloats one transaction
 */
@Validated
@ConfigurationProperties("fni.purge")
record RetentionProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("15m") Duration interval,
        @NotNull @DefaultValue("1m") Duration initialDelay,
        @Min(1) @Max(100_000) @DefaultValue("5000") int batchSize) {
}
