package com.fniexchange.model.event.contract;

import com.fniexchange.model.event.ContractKeyedEvent;

/**
 * Everything contract-service publishes on {@code contract-events}, partitioned by contract
 * number. Every payload names the contract and its selling dealer, so a partner's entitlement
 * (which dealers it may see) can be applied to any event without looking anything up.
 * Customer names never leave the service.
 */
public sealed interface ContractEvent extends ContractKeyedEvent
        permits ContractSubmitted, ContractRemitted, ContractStatusChanged {

    /** The topic / event hub every contract event is published to. */
    String DESTINATION = "contract-events";
}
