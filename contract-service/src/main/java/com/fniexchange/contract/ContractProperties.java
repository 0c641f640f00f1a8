package com.fniexchange.contract;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code fni.contract.*}: the contracting rules a provider tunes.
 *
 * @param quoteValidity      how long a rate quote can be contracted on
 * @param saleWindowDays     a sale older than this many days cannot be rated or contracted
 * @param voidWindowDays     a contract can be voided up to this many days after its sale date
 * @param lateSubmissionDays a contract submitted later than this after the sale goes to review
 * @param maxMarkupRatio     customer price above suggested retail times this goes to review
 * @param quoteRetention     uncontracted quotes are deleted this long after they expired
 */
@Validated
@ConfigurationProperties("fni.contract")
public record ContractProperties(
        @NotNull @DefaultValue("30d") Duration quoteValidity,
        @Min(1) @DefaultValue("60") int saleWindowDays,
        @Min(0) @DefaultValue("30") int voidWindowDays,
        @Min(0) @DefaultValue("30") int lateSubmissionDays,
        @NotNull @DecimalMin("1.0") @DefaultValue("1.5") BigDecimal maxMarkupRatio,
        @NotNull @DefaultValue("90d") Duration quoteRetention) {
}
