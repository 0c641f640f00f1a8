package com.fniexchange.cancellation.lifecycle;

/** Why a contract is cancelled. */
enum CancellationReason {
    CUSTOMER_REQUEST,
    /** The deal never funded. */
    UNWIND,
    /** The loan was paid off: the lien is released, so the customer is paid. */
    EARLY_PAYOFF,
    REPOSSESSION,
    TOTAL_LOSS;

    /** Whether the lender's lien is still open after a cancellation for this reason. */
    boolean leavesLienOpen() {
        return this != EARLY_PAYOFF;
    }
}
