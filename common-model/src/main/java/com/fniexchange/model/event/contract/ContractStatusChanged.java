package com.fniexchange.model.event.contract;

import com.fniexchange.model.ContractStatus;

/**
 * The contract events that move a contract to a new status. A projection of contract statuses
 * handles them as one family: it applies {@link #status()} as of {@link #occurredAt()}, and an
 * older status never overwrites a newer one (events of one contract may arrive again, or late,
 * from a replayed dead letter).
 */
public sealed interface ContractStatusChanged extends ContractEvent
        permits ContractActivated, ContractPendingReview, ContractRejected, ContractVoided, ContractCancelled {

    /** The status the contract has from {@link #occurredAt()} on. */
    ContractStatus status();
}
