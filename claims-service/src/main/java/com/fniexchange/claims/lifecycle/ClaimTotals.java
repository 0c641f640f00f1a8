package com.fniexchange.claims.lifecycle;

import com.fniexchange.model.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one place a claim's amounts are computed: parts (quantity × unit price) + labour (hours ×
 * rate) + sublet + rental + towing, summed exactly and rounded half-up to the cent once; then the
 * deductible, applied once per claim and never more than the gross, so the total is never
 * negative.
 *
 * @param gross      every line and charge, rounded once
 * @param deductible the part of the contract's deductible applied: the deductible, or the gross if smaller
 * @param total      what the provider owes for these lines: gross − deductible
 */
record ClaimTotals(Money gross, Money deductible, Money total) {

    static ClaimTotals of(RepairLines lines, Money contractDeductible) {
        BigDecimal exact = lines.sublet().add(lines.rental()).add(lines.towing());
        for (RepairLines.PartLine part : lines.parts()) {
            exact = exact.add(part.quantity().multiply(part.unitPrice()));
        }
        for (RepairLines.LabourLine labour : lines.labour()) {
            exact = exact.add(labour.hours().multiply(labour.rate()));
        }
        Money gross = Money.of(exact.setScale(2, RoundingMode.HALF_UP));
        Money applied = contractDeductible.min(gross);
        return new ClaimTotals(gross, applied, gross.minus(applied));
    }
}
