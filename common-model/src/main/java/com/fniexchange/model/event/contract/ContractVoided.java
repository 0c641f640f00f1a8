package com.fniexchange.model.event.contract;

import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.DealerCode;
import com.fniexchange.model.event.EventType;
import java.time.Instant;

/** The contract was voided inside its void window: as if it had never been sold. */
public record ContractVoided(
        ContractNumber contractNumber,
        DealerCode dealerCode,
        String reason,
        String voidedBy,
        Instant occurredAt) implements ContractStatusChanged {

    public static final EventType TYPE = EventType.of("contract", "voided", 1);

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
