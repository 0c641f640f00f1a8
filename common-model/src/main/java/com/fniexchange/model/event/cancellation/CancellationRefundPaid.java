package com.fniexchange.model.event.cancellation;

import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.DealerCode;
import com.fniexchange.model.Money;
import com.fniexchange.model.event.EventType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The refund of an approved cancellation was paid to its payee.
 *
 * @param paymentMethod    CHECK or ACH
 * @param paymentReference the check number or ACH trace number
 * @param paidLate         whether it was paid after the refund due date (a state penalty may apply)
 */
public record CancellationRefundPaid(
        ContractNumber contractNumber,
        DealerCode dealerCode,
        UUID cancellationId,
        Money refund,
        String payee,
        String paymentMethod,
        String paymentReference,
        LocalDate paidDate,
        LocalDate refundDueDate,
        boolean paidLate,
        Instant occurredAt) implements CancellationEvent {

    public static final EventType TYPE = EventType.of("cancellation", "refund-paid", 1);

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
