package com.fniexchange.model.event.contract;

import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.DealerCode;
import com.fniexchange.model.event.EventType;
import java.time.Instant;
import java.util.List;

/**
 * The contract needs a provider administrator's review before it is in force.
 *
 * @param reasons the review rules it tripped, in the words shown to the reviewer
 */
public record ContractPendingReview(
        ContractNumber contractNumber,
        DealerCode dealerCode,
        List<String> reasons,
        Instant occurredAt) implements ContractStatusChanged {

    public static final EventType TYPE = EventType.of("contract", "pending-review", 1);

    public ContractPendingReview {
        reasons = List.copyOf(reasons);
    }

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
