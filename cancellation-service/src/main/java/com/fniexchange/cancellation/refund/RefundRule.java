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
 * @param freeLookDaysWithoutWarranty the free look of a vehicle known to have no manufacturer's warranty in force
 *                               (California: 30 for a used car, instead of 60); null when the state makes no difference
 */
public record RefundRule(String code, int freeLookDays, boolean freeLookDespiteClaims, RefundMethod method, FeeRule fee,
                         boolean deductsClaims, int refundDueDays, String latePenalty, Integer freeLookDaysWithoutWarranty) {

    public RefundRule {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(fee, "fee");
        if (freeLookDays < 0 || refundDueDays < 0 || (freeLookDaysWithoutWarranty != null && freeLookDaysWithoutWarranty < 0)) {
            throw new IllegalArgumentException("free-look and due days cannot be negative");
        }
    }

    /** A rule whose free look is the same with or without a manufacturer's warranty. */
    public RefundRule(String code, int freeLookDays, boolean freeLookDespiteClaims, RefundMethod method, FeeRule fee,
                      boolean deductsClaims, int refundDueDays, String latePenalty) {
        this(code, freeLookDays, freeLookDespiteClaims, method, fee, deductsClaims, refundDueDays, latePenalty, null);
    }

    /** The free look of this contract: shorter for a vehicle known to be without its manufacturer's warranty, where the state says so. */
    public int freeLookDaysFor(CoveredContract contract) {
        return freeLookDaysWithoutWarranty != null && Boolean.FALSE.equals(contract.manufacturerWarrantyInForce())
                ? freeLookDaysWithoutWarranty : freeLookDays;
    }
}
