package com.fniexchange.model;

/**
 * Where a contract is in its life, as contract-service keeps it and as its status events tell
 * every projection of it (claims' coverage, cancellation's contract view).
 */
public enum ContractStatus {
    /** Submitted and not yet decided. */
    SUBMITTED,
    /** Waiting for a provider administrator's review. */
    PENDING_REVIEW,
    /** In force. */
    ACTIVE,
    /** Refused at review. */
    REJECTED,
    /** Voided inside its void window: as if never sold. */
    VOIDED,
    /** Cancelled through cancellation-service, with a refund. */
    CANCELLED
}
