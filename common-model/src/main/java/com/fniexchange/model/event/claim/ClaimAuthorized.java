package com.fniexchange.model.event.claim;

import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.DealerCode;
import com.fniexchange.model.Money;
import com.fniexchange.model.event.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * The repair is authorised: the facility may proceed up to the authorised amount.
 *
 * @param automatic  true when authorised at estimate submission (at or under the threshold)
 * @param authorizedBy the adjuster's user, or {@code system} when automatic
 */
public record ClaimAuthorized(
        ContractNumber contractNumber,
        UUID claimId,
        DealerCode dealerCode,
        DealerCode repairFacility,
        String authorizationNumber,
        Money authorizedAmount,
        boolean automatic,
        String authorizedBy,
        Instant occurredAt) implements ClaimEvent {

    public static final EventType TYPE = EventType.of("claim", "authorized", 1);

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
