package com.fniexchange.model.event.claim;

import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.DealerCode;
import com.fniexchange.model.Money;
import com.fniexchange.model.event.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * The facility submitted its estimate. When it is at or under the auto-authorisation threshold
 * on a covered contract, {@link ClaimAuthorized} follows in the same commit.
 *
 * @param grossAmount   parts + labour + sublet + rental + towing
 * @param deductible    the part of the contract's deductible applied to this claim
 * @param estimateTotal what the provider would pay: gross less the deductible, never negative
 * @param needsAdjuster true when an adjuster must authorise it (above the threshold)
 */
public record ClaimEstimateSubmitted(
        ContractNumber contractNumber,
        UUID claimId,
        DealerCode dealerCode,
        DealerCode repairFacility,
        Money grossAmount,
        Money deductible,
        Money estimateTotal,
        boolean needsAdjuster,
        Instant occurredAt) implements ClaimEvent {

    public static final EventType TYPE = EventType.of("claim", "estimate-submitted", 1);

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
