package com.fniexchange.cancellation.cancellation;

/** How a refund was paid. */
enum PaymentMethod {
    CHECK, ACH
}
