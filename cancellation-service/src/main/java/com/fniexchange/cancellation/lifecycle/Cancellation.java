package com.fniexchange.cancellation.lifecycle;

import com.fniexchange.cancellation.refund.RefundBasis;
import com.fniexchange.model.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A cancellation with the quote it was made on and where it is. */
record Cancellation(
        UUID cancellationId,
        @Schema(example = "VSC3A004352") String contractNumber,
        @Schema(example = "D1001") String dealerCode,
        @Schema(example = "REQUESTED") CancellationStatus status,
        CancellationReason reason,
        RefundQuote quote,
        @Schema(nullable = true, description = "The refund the cancellation was approved for: the quote's amounts, or recomputed "
                + "when claims were paid on the contract after the quote; null until approved") ApprovedRefund approvedRefund,
        @Schema(example = "dealer:D1001:dealer-user@d1001") String requestedBy,
        Instant requestedAt,
        @Schema(example = "admin@provider", nullable = true, description = "null until approved") String approvedBy,
        @Schema(nullable = true, description = "null until approved") Instant approvedAt,
        @Schema(nullable = true, description = "null until the refund is paid") Payment payment,
        Instant updatedAt) {

    /** The refund that applies: the approved one once approved, the quote's before. */
    Money refund() {
        return approvedRefund == null ? quote.refund() : approvedRefund.refund();
    }

    /** The dealer chargeback that applies: the approved one once approved, the quote's before. */
    Money dealerChargeback() {
        return approvedRefund == null ? quote.dealerChargeback() : approvedRefund.dealerChargeback();
    }

    /**
     * The amounts approved: {@code refund = grossRefund - claimsDeducted - fee};
     * {@code grossRefund = providerShare + dealerChargeback}.
     */
    @Schema(description = "The refund approved, recomputed at approval with the claims paid to date under the quote's rule, cancel "
            + "date and odometer. refund = grossRefund - claimsDeducted - fee; grossRefund = providerShare + dealerChargeback")
    record ApprovedRefund(
            @Schema(example = "MILES") RefundBasis basis,
            @Schema(example = "0.6") BigDecimal unearnedShare,
            @Schema(example = "1317.00") Money grossRefund,
            @Schema(example = "500.00", description = "Claims paid on the contract at approval") Money claimsPaid,
            @Schema(example = "500.00") Money claimsDeducted,
            @Schema(example = "50.00") Money fee,
            @Schema(example = "767.00") Money refund,
            @Schema(example = "657.00") Money dealerChargeback,
            @Schema(example = "660.00") Money providerShare,
            @Schema(description = "Whether the amounts differ from the quote's because claims were paid after it")
            boolean recomputedAtApproval,
            @Schema(example = "claims paid changed from 0.00 at the quote to 500.00 at approval", nullable = true,
                    description = "Why the amounts were recomputed; null when they were not") String recomputedBecause) {
    }

    @Schema(name = "RefundPaymentRecord", description = "How and when the refund was paid")
    record Payment(PaymentMethod method, @Schema(example = "ACH-0042-7781") String reference, LocalDate paidDate,
                   @Schema(description = "Paid after the refund due date: a state penalty may apply") boolean paidLate,
                   @Schema(example = "admin@provider") String paidBy, Instant recordedAt) {
    }
}
