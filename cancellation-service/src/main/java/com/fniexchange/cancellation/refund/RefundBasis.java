package com.fniexchange.cancellation.refund;

/** What decided the unearned share of a refund. */
public enum RefundBasis {
    /** Cancelled inside the free-look window: the whole price is unearned. */
    FREE_LOOK,
    /** Days used decided (pro rata by days, or time outran miles). */
    DAYS,
    /** Miles driven decided (pro rata by miles, or miles outran time). */
    MILES,
    /** Months used, by the Rule of 78s. */
    MONTHS
}
