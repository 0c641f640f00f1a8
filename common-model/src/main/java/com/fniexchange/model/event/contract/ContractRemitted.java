package com.fniexchange.model.event.contract;

import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.DealerCode;
import com.fniexchange.model.Money;
import com.fniexchange.model.event.EventType;
import java.time.Instant;
import java.util.UUID;

/** The dealer remitted this contract's dealer cost to the provider on a remittance batch. */
public record ContractRemitted(
        ContractNumber contractNumber,
        DealerCode dealerCode,
        UUID remittanceId,
        Money dealerCost,
        Instant occurredAt) implements ContractEvent {

    public static final EventType TYPE = EventType.of("contract", "remitted", 1);

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
