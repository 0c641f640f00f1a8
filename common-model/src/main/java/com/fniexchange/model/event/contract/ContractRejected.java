package com.fniexchange.model.event.contract;

import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.DealerCode;
import com.fniexchange.model.event.EventType;
import java.time.Instant;

/** A provider administrator rejected a contract that was pending review. */
public record ContractRejected(
        ContractNumber contractNumber,
        DealerCode dealerCode,
        String reason,
        String rejectedBy,
        Instant occurredAt) implements ContractStatusChanged {

    public static final EventType TYPE = EventType.of("contract", "rejected", 1);

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
