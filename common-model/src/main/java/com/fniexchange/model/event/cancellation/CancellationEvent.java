package com.fniexchange.model.event.cancellation;

import com.fniexchange.model.event.ContractKeyedEvent;

/**
 * Everything cancellation-service publishes on {@code cancellation-events}, partitioned by
 * contract number: a refund quote, the cancellation request, its approval and the refund
 * payment. Every payload names the contract and its selling dealer, so a partner's entitlement
 * can be applied without a lookup. Customer names never leave the services.
 */
public sealed interface CancellationEvent extends ContractKeyedEvent
        permits CancellationQuoted, CancellationRequested, CancellationApproved, CancellationRefundPaid {

    /** The topic / event hub every cancellation event is published to. */
    String DESTINATION = "cancellation-events";
}
