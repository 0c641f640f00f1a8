package com.fniexchange.claims.lifecycle;

import com.fniexchange.claims.coverage.CoverageFacts;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A claim as its repair facility and the provider's adjusters see it, with the contract's coverage facts. */
record Claim(
        UUID claimId,
        @Schema(example = "AUTHORIZED") ClaimStatus status,
        @Schema(description = "Actions the current status allows", example = "[\"invoice\"]") List<String> allowedActions,
        @Schema(example = "VSC3A004352") String contractNumber,
        CoverageFacts coverage,
        @Schema(example = "D2002", description = "The dealer whose service department filed the claim") String repairFacility,
        @Schema(example = "Northside Honda Service") String repairFacilityName,
        @Schema(example = "RO-55012") String repairOrderNumber,
        @Schema(description = "The repair order's open date; coverage is judged on it") LocalDate repairDate,
        @Schema(example = "47310") int odometer,
        @Schema(example = "Coolant leak at front of engine") String complaint,
        @Schema(example = "Water pump seal failed", nullable = true) String cause,
        @Schema(example = "Replaced water pump", nullable = true) String correction,
        @Schema(description = "The business date the claim was made") LocalDate claimDate,
        @Schema(nullable = true, description = "null until an estimate is submitted") Amounts estimate,
        @Schema(description = "true when the estimate waits for an adjuster") boolean needsAdjuster,
        @Schema(nullable = true, example = "estimate total 1240.00 is above the auto-authorisation threshold 1000.00",
                description = "Why the estimate waits for an adjuster; null when it does not") String adjusterReason,
        @Schema(nullable = true, description = "null until authorised") Authorization authorization,
        @Schema(nullable = true, description = "null until invoiced") Amounts invoice,
        @Schema(nullable = true, description = "null until paid") Payment payment,
        @Schema(nullable = true, example = "PAID", description = "PAID, DENIED or WITHDRAWN once decided; null before")
        String disposition,
        @Schema(nullable = true, example = "wear item, not a covered component", description = "Why it was denied or withdrawn")
        String dispositionReason,
        Instant openedAt,
        Instant updatedAt,
        List<StatusChange> history) {

    /** The same claim with these coverage facts. */
    Claim withCoverage(CoverageFacts facts) {
        return new Claim(claimId, status, allowedActions, contractNumber, facts, repairFacility, repairFacilityName,
                repairOrderNumber, repairDate, odometer, complaint, cause, correction, claimDate, estimate, needsAdjuster,
                adjusterReason, authorization, invoice, payment, disposition, dispositionReason, openedAt, updatedAt, history);
    }

    @Schema(name = "ClaimAmounts", description = "Lines and their totals (ClaimTotals: rounded once, deductible applied once)")
    record Amounts(RepairLines lines,
                   @Schema(example = "912.40", description = "Parts + labour + sublet + rental + towing") BigDecimal gross,
                   @Schema(example = "100.00", description = "The deductible applied (at most the gross)") BigDecimal deductible,
                   @Schema(example = "812.40", description = "Gross less the deductible") BigDecimal total) {
    }

    @Schema(name = "ClaimAuthorization", description = "What the repair facility waits for at the counter")
    record Authorization(@Schema(example = "AUTH-00000042") String authorizationNumber,
                         @Schema(example = "812.40") BigDecimal authorizedAmount,
                         @Schema(description = "true when authorised at estimate submission") boolean automatic,
                         @Schema(example = "system") String authorizedBy,
                         Instant authorizedAt) {
    }

    @Schema(name = "ClaimPayment")
    record Payment(@Schema(example = "812.40") BigDecimal paidAmount, LocalDate paidDate, Instant paidAt) {
    }

    @Schema(name = "ClaimStatusChange", description = "One status change, oldest first")
    record StatusChange(@Schema(nullable = true, description = "null on the first entry (opening)") ClaimStatus from,
                        ClaimStatus to,
                        @Schema(nullable = true) String reason,
                        @Schema(example = "dealer:D2002:dealer-user@d2002") String actor,
                        Instant at) {
    }
}
