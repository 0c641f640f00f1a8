package com.fniexchange.claims.coverage;

import com.fniexchange.model.ContractStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What any repair facility may know of a contract, wherever it was sold: the coverage facts.
 * Never the price, the dealer cost or the customer (the projection does not even hold them).
 */
@Schema(description = "The coverage facts of a contract: what any repair facility may see, wherever the contract was sold")
public record CoverageFacts(
        @Schema(example = "VSC3A004352") String contractNumber,
        @Schema(example = "ACTIVE") ContractStatus status,
        @Schema(example = "D1001", description = "The dealer that sold the contract") String sellingDealer,
        @Schema(example = "VSC") String productCode,
        @Schema(example = "VSC-60-75-100") String planCode,
        @Schema(example = "1HGCM82633A004352") String vin,
        @Schema(example = "HONDA", nullable = true, description = "null when the contract event did not carry it") String make,
        LocalDate saleDate,
        @Schema(example = "24500") int odometerAtSale,
        @Schema(example = "60") int termMonths,
        @Schema(example = "75000", nullable = true, description = "null for products without a mileage term") Integer termMiles,
        @Schema(description = "The last day of the term") LocalDate coverageEndsOn,
        @Schema(example = "99500", nullable = true, description = "Odometer at sale + term miles; null without a mileage term")
        Integer coverageEndsAtOdometer,
        @Schema(example = "100.00") BigDecimal deductible,
        @Schema(example = "15000.00", nullable = true, description = "null when the contract event did not carry it")
        BigDecimal limitOfLiability,
        @Schema(example = "812.40", description = "Claims paid on the contract so far") BigDecimal paidToDate,
        @Schema(example = "14187.60", nullable = true, description = "What may still be paid; null when the limit is unknown")
        BigDecimal remainingLimit,
        @Schema(nullable = true, description = "The day the contract was cancelled; null unless CANCELLED") LocalDate cancelDate) {

    public static CoverageFacts of(Coverage c) {
        return new CoverageFacts(c.contractNumber().value(), c.status(), c.dealerCode().value(), c.productCode(), c.planCode(),
                c.vin().value(), c.make(), c.saleDate(), c.odometerAtSale(), c.termMonths(), c.termMiles(), c.coverageEndsOn(),
                c.coverageEndsAtOdometer(), c.deductible().amount(),
                c.limitOfLiability() == null ? null : c.limitOfLiability().amount(), c.paidToDate().amount(),
                c.remainingLimit() == null ? null : c.remainingLimit().amount(), c.cancelDate());
    }
}
