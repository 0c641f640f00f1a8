package com.fniexchange.cancellation;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code fni.cancellation.*}: what the provider tunes about cancellations.
 *
 * @param quoteValidity how long a refund quote can be turned into a cancellation
 * @param dueSoonDays   an approved, unpaid refund due within this many days counts in {@code fni.refunds.due.soon}
 * @param quoteRetention refund quotes no cancellation used are deleted this long after they stopped being
 *                       valid, by the platform's retention purge ({@code fni.purge.*})
 */
@Validated
@ConfigurationProperties("fni.cancellation")
public record CancellationProperties(
        @NotNull @DefaultValue("7d") Duration quoteValidity,
        @Min(0) @DefaultValue("7") int dueSoonDays,
        @NotNull @DefaultValue("90d") Duration quoteRetention) {
}
