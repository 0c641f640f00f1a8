package com.fniexchange.model.event;

import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.DealerCode;

/**
 * An event about one contract: every stream fni-exchange publishes is made of these. The contract
 * number is the subject and the partition key, so a contract's events stay in order; the selling
 * dealer is on every payload, so a partner's entitlement (which dealers it may see) is decided
 * from the event alone, without a lookup.
 */
public interface ContractKeyedEvent extends DomainEvent {

    /** The contract the event is about: its subject and partition key. */
    ContractNumber contractNumber();

    /** The dealer that sold the contract. */
    DealerCode dealerCode();

    @Override
    default String subject() {
        return contractNumber().value();
    }
}
