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
 * <p>{@code contractPaidToDate} only grows, and a consumer keeps the highest it has seen: the
 * payments of two claims on one contract may arrive in either order (contract-service keeps the
 * greatest in {@code contract.claims_paid_to_date}, cancellation-service the maximum of its
 * {@code claim_payment} rows). A lower figure arriving later is older news, not a reversal.
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
