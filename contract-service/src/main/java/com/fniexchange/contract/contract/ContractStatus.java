package com.fniexchange.contract.contract;

/** Where a contract is in its life. */
public enum ContractStatus {
    SUBMITTED, PENDING_REVIEW, ACTIVE, REJECTED, VOIDED, CANCELLED, EXPIRED
}
