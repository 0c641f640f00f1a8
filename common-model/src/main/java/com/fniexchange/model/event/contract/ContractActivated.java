package com.fniexchange.model.event.contract;

import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.DealerCode;
import com.fniexchange.model.event.EventType;
import java.time.Instant;

/**
 * The contract is in force: approved automatically at submission, or by a provider
 * administrator after review.
 *
 * @param approvedBy the administrator's subject, or null when approved automatically
 */
public record ContractActivated(
        ContractNumber contractNumber,
        DealerCode dealerCode,
        boolean autoApproved,
        String approvedBy,
        Instant occurredAt) implements ContractStatusChanged {

    public static final EventType TYPE = EventType.of("contract", "activated", 1);

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
