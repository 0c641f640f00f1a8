package com.fniexchange.model.event.claim;

import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.DealerCode;
import com.fniexchange.model.event.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * The claim is closed; nothing more happens on it.
 *
 * @param disposition PAID, DENIED or WITHDRAWN (closed before a decision)
 * @param reason      why, when it was not paid; null when paid
 */
public record ClaimClosed(
        ContractNumber contractNumber,
        UUID claimId,
        DealerCode dealerCode,
        DealerCode repairFacility,
        String disposition,
        String reason,
        Instant occurredAt) implements ClaimEvent {

    public static final EventType TYPE = EventType.of("claim", "closed", 1);

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
