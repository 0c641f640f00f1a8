package com.fniexchange.cancellation.lifecycle;

import com.fniexchange.cancellation.refund.Payee;
import com.fniexchange.cancellation.refund.RefundBasis;
import com.fniexchange.model.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A refund quote with every component and the rule that produced it:
 * {@code refund = grossRefund - claimsDeducted - fee}; {@code grossRefund = providerShare + dealerChargeback}.
 */
@Schema(description = "A refund quote: every component and the rule that produced it. refund = grossRefund - claimsDeducted - fee; "
        + "grossRefund = providerShare + dealerChargeback")
record RefundQuote(
        UUID quoteId,
        @Schema(example = "VSC3A004352") String contractNumber,
        @Schema(example = "D1001") String dealerCode,
        @Schema(example = "VSC") String productCode,
        @Schema(example = "TX", description = "The customer's state, whose rule applies") String customerState,
        CancellationReason reason,
        LocalDate cancelDate,
        @Schema(example = "54500", nullable = true, description = "null when none was given (products without a mileage term)") Integer odometer,
        AppliedRule rule,
        @Schema(example = "MILES", description = "What decided the unearned share") RefundBasis basis,
        @Schema(example = "180", description = "Days from the sale to the cancel date, within the term") int daysUsed,
        @Schema(example = "1826") int termDays,
        @Schema(example = "30000", nullable = true, description = "Miles driven since the sale, within the term; null when not measured") Integer milesUsed,
        @Schema(example = "75000", nullable = true, description = "null for products without a mileage term") Integer termMiles,
        @Schema(example = "6", nullable = true, description = "Months used, a started month counting; Rule of 78s only") Integer monthsUsed,
        @Schema(example = "0.6", description = "The unearned share of the price (six decimals, for display)") BigDecimal unearnedShare,
        @Schema(example = "2195.00") Money customerPrice,
        @Schema(example = "1317.00", description = "The unearned share of the customer price") Money grossRefund,
        @Schema(example = "0.00", description = "Claims paid on the contract to date") Money claimsPaid,
        @Schema(example = "0.00", description = "The part of claims paid taken off the refund") Money claimsDeducted,
        @Schema(example = "50.00") Money fee,
        @Schema(example = "1267.00", description = "What the payee receives: never below zero, never above the price") Money refund,
        @Schema(example = "657.00", description = "The unearned share of the dealer's markup, at most its profit") Money dealerChargeback,
        @Schema(example = "660.00", description = "The unearned share of the dealer cost, refunded by the provider") Money providerShare,
        @Schema(example = "LIENHOLDER") Payee payee,
        @Schema(example = "Ally Bank", nullable = true, description = "The lienholder paid; null when the customer is") String lienholder,
        @Schema(description = "The day by which the refund must be paid") LocalDate refundDueDate,
        Instant quotedAt,
        @Schema(description = "A cancellation can be made on this quote until then") Instant validUntil) {

    /** The state rule, in the version a quote was computed with. */
    @Schema(description = "The refund rule (state × product), in the version that produced the quote; the approval recomputes "
            + "under the same version, whatever the rule became since")
    record AppliedRule(
            @Schema(example = "TX-VSC") String code,
            @Schema(example = "1", description = "The rule's version; a change to a rule is a new version") int version,
            @Schema(example = "2000-01-01", description = "The day this version took effect") LocalDate effectiveFrom,
            @Schema(example = "TX", description = "ALL for a default rule") String state,
            @Schema(example = "VSC", description = "ALL for the default rule") String productCode,
            @Schema(example = "LESSER_OF_TIME_OR_MILES") com.fniexchange.cancellation.refund.RefundMethod method,
            @Schema(example = "31") int freeLookDays,
            @Schema(example = "30", nullable = true, description = "The free look of a vehicle without its manufacturer's warranty "
                    + "in force, where the state makes the difference (California, for a used car); null when it does not")
            Integer freeLookDaysWithoutWarranty,
            @Schema(description = "Whether the free look still applies after a claim was paid (less the claims)") boolean freeLookDespiteClaims,
            @Schema(example = "FLAT") com.fniexchange.cancellation.refund.FeeRule.Type feeType,
            @Schema(example = "50.00", nullable = true) Money feeFlat,
            @Schema(example = "10.00", nullable = true, description = "Percent of the gross refund") BigDecimal feePercent,
            @Schema(example = "75.00", nullable = true, description = "The state's maximum fee") Money feeCap,
            boolean deductsClaims,
            @Schema(example = "45") int refundDueDays,
            @Schema(example = "10% of the refund per month late", nullable = true) String latePenalty,
            @Schema(example = "Texas: within 31 days a full refund less claims, no fee; after, pro rata less claims, fee at most $50")
            String note) {
    }
}
