package com.fniexchange.cancellation.lifecycle;

/** Where a cancellation is: REQUESTED and APPROVED are open (one per contract at most). */
enum CancellationStatus {
    REQUESTED, APPROVED, REFUND_PAID
}
