package com.fniexchange.contract.rating;

import com.fniexchange.model.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A rate quote: the eligible plans with their prices, and the plans that were not eligible with
 * the reasons, so the finance manager knows what to change. Contract on it before {@code expiresAt}.
 */
record RateQuote(
        @Schema(example = "0f8fad5b-d9cb-469f-a165-70867728950e") UUID quoteId,
        @Schema(example = "D1001") String dealerCode,
        @Schema(example = "1HGCM82633A004352") String vin,
        @Schema(example = "TX") String customerState,
        @Schema(description = "The state's retail price rule; null when the state has none", example = "RETAIL_AT_MOST_SUGGESTED",
                nullable = true) RetailRule retailRule,
        Instant createdAt,
        Instant expiresAt,
        List<RatedPlan> plans,
        List<IneligiblePlan> ineligiblePlans) {

    /** An eligible plan, priced. */
    public record RatedPlan(
            @Schema(example = "VSC-60-75-100") String planCode,
            @Schema(example = "VSC") String productCode,
            @Schema(example = "Major Guard 60/75,000, $100 deductible") String name,
            @Schema(example = "60") int termMonths,
            @Schema(example = "75000", nullable = true, description = "null for products without a mileage term") Integer termMiles,
            @Schema(example = "100.00") Money deductible,
            @Schema(example = "STANDARD") String deductibleType,
            @Schema(example = "1100.00") Money dealerCost,
            @Schema(example = "2195.00") Money suggestedRetail,
            @Schema(example = "50000.00", nullable = true, description = "GAP: largest amount financed covered; null for other products") Money maxAmountFinanced,
            @Schema(example = "84", nullable = true, description = "GAP: longest loan term covered, months; null for other products") Integer maxLoanTermMonths) {
    }

    /** A plan the vehicle or sale does not qualify for. */
    public record IneligiblePlan(
            @Schema(example = "VSC-84-125-0") String planCode,
            @Schema(example = "VSC") String productCode,
            List<String> reasons) {
    }
}
