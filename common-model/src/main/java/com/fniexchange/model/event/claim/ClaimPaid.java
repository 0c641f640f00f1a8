package com.fniexchange.model.event.claim;

import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.DealerCode;
import com.fniexchange.model.Money;
import com.fniexchange.model.event.EventType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The provider paid the claim. Refund engines deduct {@code contractPaidToDate} from a
 * cancellation refund; it never exceeds the contract's limit of liability.
 *
 * @param paidAmount         this payment
 * @param contractPaidToDate every claim paid on the contract so far, this payment included
 * @param paidDate           the business date of the payment
 */
public record ClaimPaid(
        ContractNumber contractNumber,
        UUID claimId,
        DealerCode dealerCode,
        DealerCode repairFacility,
        Money paidAmount,
        Money contractPaidToDate,
        LocalDate paidDate,
        Instant occurredAt) implements ClaimEvent {

    public static final EventType TYPE = EventType.of("claim", "paid", 1);

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
