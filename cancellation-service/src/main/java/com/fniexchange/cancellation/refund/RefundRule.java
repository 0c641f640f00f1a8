package com.fniexchange.cancellation.refund;

import java.util.Objects;

/**
 * One row of the refund rule table (state × product): the free-look window, the method, the fee,
 * whether claims paid are deducted, and the days within which the refund must be paid.
 *
 * @param code                   e.g. {@code TX-VSC}, {@code DEFAULT}; shown on every quote
 * @param freeLookDays           a cancellation this many days or fewer after the sale is refunded in full
 * @param freeLookDespiteClaims  true: the free look applies even when claims were paid, which are then
 *                               deducted (Texas); false: a paid claim ends the free look
 * @param deductsClaims          whether claims paid to date reduce the refund
 * @param refundDueDays          the refund is due this many days after the later of the cancel date and
 *                               the day the request was received
 * @param latePenalty            what the state charges when the refund is late, for people; null when none is known
 */
public record RefundRule(String code, int freeLookDays, boolean freeLookDespiteClaims, RefundMethod method, FeeRule fee,
                         boolean deductsClaims, int refundDueDays, String latePenalty) {

    public RefundRule {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(fee, "fee");
        if (freeLookDays < 0 || refundDueDays < 0) {
            throw new IllegalArgumentException("free-look and due days cannot be negative");
        }
    }
}
