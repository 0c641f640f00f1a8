package com.fniexchange.cancellation.lifecycle;

/** How a refund was paid. */
enum PaymentMethod {
    CHECK, ACH
}
