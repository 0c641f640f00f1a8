package com.fniexchange.cancellation.refund;

import com.fniexchange.model.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Computes a cancellation refund from the contract, the cancellation and the state's rule. Plain
 * Java, no I/O, no clock: the same inputs always give the same refund to the cent.
 *
 * <p>Amounts are computed from exact fractions (days, miles or months as whole numbers) and
 * rounded half-up to the cent once per amount, so the components always add up:
 * <ol>
 *   <li>free look: cancelled at most {@code freeLookDays} after the sale (the rule's shorter
 *       days for a vehicle known to be without its manufacturer's warranty, where it has them), and no claim paid (or
 *       the rule keeps the free look despite claims): the whole price is unearned, no fee;</li>
 *   <li>otherwise the rule's method gives the unearned share {@code u}; gross = price × u;</li>
 *   <li>claims deducted = min(claims paid, gross) when the rule deducts claims;</li>
 *   <li>fee = min(the rule's fee on the gross, gross − claims deducted);</li>
 *   <li>refund = gross − claims deducted − fee (so 0 ≤ refund ≤ price);</li>
 *   <li>dealer chargeback = min(markup × u, markup) with markup = max(price − dealer cost, 0);
 *       provider share = gross − dealer chargeback;</li>
 *   <li>payee: the lienholder when financed with an open lien, else the customer; due date: the
 *       later of the cancel date and the received date, plus the rule's days.</li>
 * </ol>
 */
public final class RefundEngine {

    private static final int DISPLAY_SCALE = 6;

    /**
     * @throws IllegalArgumentException when the cancel date is before the sale, or the method
     *                                  needs miles and no odometer (or a lower one than at sale) was given
     */
    public Refund calculate(CoveredContract contract, CancellationTerms terms, RefundRule rule) {
        LocalDate sale = contract.saleDate();
        if (terms.cancelDate().isBefore(sale)) {
            throw new IllegalArgumentException("cancel date " + terms.cancelDate() + " is before the sale date " + sale);
        }
        int termDays = (int) ChronoUnit.DAYS.between(sale, contract.termEnd());
        long daysSinceSale = ChronoUnit.DAYS.between(sale, terms.cancelDate());
        int daysUsed = (int) Math.min(daysSinceSale, termDays);
        Integer milesUsed = milesUsed(contract, terms, rule.method());
        boolean claimsPaid = contract.claimsPaid().isPositive();

        Share share;
        Integer monthsUsed = null;
        boolean freeLook = daysSinceSale <= rule.freeLookDaysFor(contract) && (!claimsPaid || rule.freeLookDespiteClaims());
        if (freeLook) {
            share = new Share(1, 1, RefundBasis.FREE_LOOK);
        } else {
            switch (rule.method()) {
                case PRO_RATA_DAYS -> share = byDays(daysUsed, termDays);
                case PRO_RATA_MILES -> share = byMiles(milesUsed, contract.termMiles());
                case LESSER_OF_TIME_OR_MILES -> share = lesserOfTimeOrMiles(daysUsed, termDays, milesUsed, contract.termMiles());
                case RULE_OF_78S -> {
                    monthsUsed = monthsUsed(sale, terms.cancelDate(), contract.termMonths());
                    share = ruleOf78s(contract.termMonths() - monthsUsed, contract.termMonths());
                }
                default -> throw new IllegalStateException("unknown method " + rule.method());
            }
        }

        Money price = contract.customerPrice();
        Money gross = share.of(price);
        Money claimsDeducted = rule.deductsClaims() ? contract.claimsPaid().min(gross) : Money.ZERO;
        Money left = gross.minus(claimsDeducted);
        Money fee = freeLook ? Money.ZERO : rule.fee().on(gross).min(left);
        Money refund = left.minus(fee);

        Money markup = price.minus(contract.dealerCost()).max(Money.ZERO);
        Money dealerChargeback = share.of(markup).min(markup);
        Money providerShare = gross.minus(dealerChargeback);

        boolean toLender = contract.financed() && contract.lienholder() != null && terms.lienOpen();
        LocalDate dueFrom = terms.cancelDate().isAfter(terms.receivedDate()) ? terms.cancelDate() : terms.receivedDate();

        return new Refund(rule.code(), rule.method(), share.basis(), daysUsed, termDays, milesUsed, monthsUsed,
                share.display(), gross, contract.claimsPaid(), claimsDeducted, fee, refund, dealerChargeback, providerShare,
                toLender ? Payee.LIENHOLDER : Payee.CUSTOMER, toLender ? contract.lienholder() : null,
                dueFrom.plusDays(rule.refundDueDays()));
    }

    /** Miles driven since the sale, within the term; null when the method or the product does not measure miles. */
    private static Integer milesUsed(CoveredContract contract, CancellationTerms terms, RefundMethod method) {
        boolean measured = contract.termMiles() != null
                && (method == RefundMethod.PRO_RATA_MILES || method == RefundMethod.LESSER_OF_TIME_OR_MILES);
        if (!measured) {
            if (method == RefundMethod.PRO_RATA_MILES) {
                throw new IllegalArgumentException("pro rata by miles needs a contract with a mileage term");
            }
            return null;
        }
        if (terms.odometer() == null) {
            throw new IllegalArgumentException("the odometer at cancellation is required for a contract with a mileage term");
        }
        if (terms.odometer() < contract.odometerAtSale()) {
            throw new IllegalArgumentException("odometer " + terms.odometer() + " is below the odometer at sale "
                    + contract.odometerAtSale());
        }
        return Math.min(terms.odometer() - contract.odometerAtSale(), contract.termMiles());
    }

    private static Share byDays(int daysUsed, int termDays) {
        return new Share(termDays - daysUsed, termDays, RefundBasis.DAYS);
    }

    private static Share byMiles(int milesUsed, int termMiles) {
        return new Share(termMiles - milesUsed, termMiles, RefundBasis.MILES);
    }

    /** The greater used share decides; on a tie, days. */
    private static Share lesserOfTimeOrMiles(int daysUsed, int termDays, Integer milesUsed, Integer termMiles) {
        if (milesUsed == null) {
            return byDays(daysUsed, termDays);
        }
        // milesUsed / termMiles > daysUsed / termDays, without division
        boolean milesDecide = (long) milesUsed * termDays > (long) daysUsed * termMiles;
        return milesDecide ? byMiles(milesUsed, termMiles) : byDays(daysUsed, termDays);
    }

    /** Months from the sale to the cancel date, a started month counting as used, within the term. */
    static int monthsUsed(LocalDate sale, LocalDate cancel, int termMonths) {
        long months = ChronoUnit.MONTHS.between(sale, cancel);
        if (sale.plusMonths(months).isBefore(cancel)) {
            months++;
        }
        return (int) Math.min(months, termMonths);
    }

    private static Share ruleOf78s(int unusedMonths, int termMonths) {
        return new Share((long) unusedMonths * (unusedMonths + 1), (long) termMonths * (termMonths + 1), RefundBasis.MONTHS);
    }

    /** An exact unearned share, numerator / denominator, with what decided it. */
    private record Share(long numerator, long denominator, RefundBasis basis) {

        /** The share of an amount, rounded half-up to the cent. */
        Money of(Money amount) {
            return Money.of(amount.amount().multiply(BigDecimal.valueOf(numerator))
                    .divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP));
        }

        BigDecimal display() {
            return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), DISPLAY_SCALE, RoundingMode.HALF_UP);
        }
    }
}
