package com.fniexchange.model.event.claim;

import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.DealerCode;
import com.fniexchange.model.event.EventType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A repair facility opened a claim on a contract that passed the coverage checks.
 *
 * @param repairDate the repair order's open date, the date coverage is judged on
 * @param odometer   the vehicle's odometer on the repair order
 */
public record ClaimOpened(
        ContractNumber contractNumber,
        UUID claimId,
        DealerCode dealerCode,
        DealerCode repairFacility,
        String repairOrderNumber,
        LocalDate repairDate,
        int odometer,
        Instant occurredAt) implements ClaimEvent {

    public static final EventType TYPE = EventType.of("claim", "opened", 1);

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
