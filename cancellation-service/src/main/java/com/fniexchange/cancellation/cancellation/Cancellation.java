package com.fniexchange.cancellation.cancellation;

import io.swagger.v3.oas.annotations.media.Schema;
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
        @Schema(example = "dealer:D1001:dealer-user@d1001") String requestedBy,
        Instant requestedAt,
        @Schema(example = "admin@provider", nullable = true, description = "null until approved") String approvedBy,
        @Schema(nullable = true, description = "null until approved") Instant approvedAt,
        @Schema(nullable = true, description = "null until the refund is paid") Payment payment,
        Instant updatedAt) {

    @Schema(name = "RefundPaymentRecord", description = "How and when the refund was paid")
    record Payment(PaymentMethod method, @Schema(example = "ACH-0042-7781") String reference, LocalDate paidDate,
                   @Schema(description = "Paid after the refund due date: a state penalty may apply") boolean paidLate,
                   @Schema(example = "admin@provider") String paidBy, Instant recordedAt) {
    }
}
