package com.fniexchange.claims.coverage;

/** A contract's status as the contract events told it. Claims are possible only while ACTIVE (or up to a cancel date). */
public enum CoverageStatus {
    SUBMITTED, PENDING_REVIEW, ACTIVE, REJECTED, VOIDED, CANCELLED
}
