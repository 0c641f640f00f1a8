package com.fniexchange.cancellation.refund;

/** How the unearned share of a contract's price is measured once the free-look window has passed. */
public enum RefundMethod {
    /** Unearned = days remaining / term days. */
    PRO_RATA_DAYS,
    /** Unearned = miles remaining / term miles. */
    PRO_RATA_MILES,
    /**
     * "Lesser of time or miles remaining": the used share is the greater of days used / term days
     * and miles used / term miles. A product without a mileage term falls back to days.
     */
    LESSER_OF_TIME_OR_MILES,
    /** Rule of 78s by months: unearned = U(U+1) / (T(T+1)), a started month counting as used. */
    RULE_OF_78S
}
