package com.fniexchange.contract.lifecycle;

/** Where a contract is in its life. */
enum ContractStatus {
    SUBMITTED, PENDING_REVIEW, ACTIVE, REJECTED, VOIDED, CANCELLED, EXPIRED
}
