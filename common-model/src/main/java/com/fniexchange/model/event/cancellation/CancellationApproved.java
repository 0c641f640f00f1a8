package com.fniexchange.model.event.cancellation;

import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.DealerCode;
import com.fniexchange.model.Money;
import com.fniexchange.model.event.EventType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The provider approved the cancellation: the contract is cancelled as of {@code cancelDate}
 * (contract-service marks it CANCELLED and publishes {@code contract.cancelled.v1}; claims on
 * repairs after that date are refused) and the refund is owed by {@code refundDueDate}.
 *
 * @param reason               one of CUSTOMER_REQUEST, UNWIND, EARLY_PAYOFF, REPOSSESSION, TOTAL_LOSS
 * @param claimsDeducted       the claims deducted from the approved refund (optional within v1)
 * @param recomputedAtApproval true when the approved amounts differ from the quote's, because claims
 *                             were paid after it (optional within v1)
 * @param payee                LIENHOLDER or CUSTOMER
 */
public record CancellationApproved(
        ContractNumber contractNumber,
        DealerCode dealerCode,
        UUID cancellationId,
        String reason,
        LocalDate cancelDate,
        Money refund,
        Money dealerChargeback,
        Money claimsDeducted,
        Boolean recomputedAtApproval,
        String payee,
        LocalDate refundDueDate,
        String approvedBy,
        Instant occurredAt) implements CancellationEvent {

    public static final EventType TYPE = EventType.of("cancellation", "approved", 1);

    /** The payload as first released, before claimsDeducted and recomputedAtApproval were added in v1. */
    public CancellationApproved(ContractNumber contractNumber, DealerCode dealerCode, UUID cancellationId, String reason,
                                LocalDate cancelDate, Money refund, Money dealerChargeback, String payee, LocalDate refundDueDate,
                                String approvedBy, Instant occurredAt) {
        this(contractNumber, dealerCode, cancellationId, reason, cancelDate, refund, dealerChargeback, null, null, payee,
                refundDueDate, approvedBy, occurredAt);
    }

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
