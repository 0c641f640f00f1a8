package com.fniexchange.model.event.claim;

import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.DealerCode;
import com.fniexchange.model.event.EventType;
import java.time.Instant;
import java.util.UUID;

/** An adjuster denied the claim, with the reason the claims register records. */
public record ClaimDenied(
        ContractNumber contractNumber,
        UUID claimId,
        DealerCode dealerCode,
        DealerCode repairFacility,
        String reason,
        String deniedBy,
        Instant occurredAt) implements ClaimEvent {

    public static final EventType TYPE = EventType.of("claim", "denied", 1);

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
