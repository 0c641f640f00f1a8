package com.fniexchange.model.event.contract;

import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.DealerCode;
import com.fniexchange.model.event.EventType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The contract was cancelled through cancellation-service; contract-service records it and
 * republishes the new status so contract-stream consumers need not follow a second stream.
 *
 * @param cancellationId the cancellation that caused it
 * @param reason         one of CUSTOMER_REQUEST, UNWIND, EARLY_PAYOFF, REPOSSESSION, TOTAL_LOSS
 */
public record ContractCancelled(
        ContractNumber contractNumber,
        DealerCode dealerCode,
        UUID cancellationId,
        LocalDate cancelDate,
        String reason,
        Instant occurredAt) implements ContractStatusChanged {

    public static final EventType TYPE = EventType.of("contract", "cancelled", 1);

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
