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

    /** The status the contract has from {@link #occurredAt()} on; one per event type of the family. */
    default ContractStatus status() {
        if (this instanceof ContractActivated) {
            return ContractStatus.ACTIVE;
        } else if (this instanceof ContractPendingReview) {
            return ContractStatus.PENDING_REVIEW;
        } else if (this instanceof ContractRejected) {
            return ContractStatus.REJECTED;
        } else if (this instanceof ContractVoided) {
            return ContractStatus.VOIDED;
        }
        // sealed: the only type left; a new member of the family fails the model's tests until it is named here
        return ContractStatus.CANCELLED;
    }
}
