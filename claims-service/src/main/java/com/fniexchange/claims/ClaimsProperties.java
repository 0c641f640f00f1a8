package com.fniexchange.claims;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code fni.claims.*}: the claim rules a provider tunes.
 *
 * @param waitingPeriodDays  no claim on a repair dated fewer than this many days after the sale
 * @param waitingPeriodMiles no claim on a repair with fewer than this many miles driven since the sale
 * @param adjusterThreshold  an estimate total above this needs an adjuster; at or under it, on a
 *                           covered contract, it is authorised at once
 * @param assumedVoidWindowDays the void window of a contract whose submission did not say until when it
 *                           can be voided (contract.submitted.v1 before voidableUntil); contract-service's
 *                           {@code fni.contract.void-window-days}
 */
@Validated
@ConfigurationProperties("fni.claims")
public record ClaimsProperties(
        @Min(0) @DefaultValue("30") int waitingPeriodDays,
        @Min(0) @DefaultValue("1000") int waitingPeriodMiles,
        @NotNull @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) @DefaultValue("1000.00") BigDecimal adjusterThreshold,
        @Min(0) @DefaultValue("30") int assumedVoidWindowDays) {
}
