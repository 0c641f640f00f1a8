package com.fniexchange.model.event.cancellation;

import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.DealerCode;
import com.fniexchange.model.Money;
import com.fniexchange.model.event.EventType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A cancellation was requested on a refund quote and waits for the provider's approval. The
 * contract stays active until {@link CancellationApproved}.
 *
 * @param reason one of CUSTOMER_REQUEST, UNWIND, EARLY_PAYOFF, REPOSSESSION, TOTAL_LOSS
 */
public record CancellationRequested(
        ContractNumber contractNumber,
        DealerCode dealerCode,
        UUID cancellationId,
        UUID quoteId,
        String reason,
        LocalDate cancelDate,
        Money refund,
        String requestedBy,
        Instant occurredAt) implements CancellationEvent {

    public static final EventType TYPE = EventType.of("cancellation", "requested", 1);

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
