package com.fniexchange.cancellation.refund;

import static org.assertj.core.api.Assertions.assertThat;

import com.fniexchange.model.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The refund engine's invariants, over every method, fee rule, term and claim history. */
class RefundEngineProperties {

    final RefundEngine engine = new RefundEngine();
    static final LocalDate SALE = LocalDate.parse("2025-01-31"); // a month end, where month arithmetic is hardest

    record Case(CoveredContract contract, RefundRule rule) {
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Integer> priceCents = Arbitraries.integers().between(0, 1_000_000);
        Arbitrary<Integer> costPercent = Arbitraries.integers().between(0, 150); // a dealer may sell below cost
        Arbitrary<Integer> termMonths = Arbitraries.integers().between(1, 120);
        Arbitrary<Integer> termMiles = Arbitraries.integers().between(1, 150_000).injectNull(0.3);
        Arbitrary<Integer> claimsCents = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(1, 1_500_000));
        Arbitrary<Boolean> financed = Arbitraries.of(true, false);
        Arbitrary<CoveredContract> contracts = Combinators.combine(priceCents, costPercent, termMonths, termMiles, claimsCents, financed)
                .as((price, cost, months, miles, claims, fin) -> new CoveredContract(cents(price),
                        Money.rounded(cents(price).amount().multiply(BigDecimal.valueOf(cost)).movePointLeft(2)), SALE, months, miles,
                        12_000, cents(claims), fin, fin ? "Ally Bank" : null));
        Arbitrary<FeeRule> fees = Arbitraries.oneOf(
                Arbitraries.just(FeeRule.none()),
                Arbitraries.integers().between(0, 20_000).map(c -> FeeRule.flat(cents(c))),
                Combinators.combine(percent(), Arbitraries.integers().between(0, 20_000).injectNull(0.5))
                        .as((p, cap) -> FeeRule.percent(p, cap == null ? null : cents(cap))),
                Combinators.combine(percent(), Arbitraries.integers().between(0, 20_000)).as((p, flat) -> FeeRule.lesserOf(p, cents(flat))));
        Arbitrary<RefundRule> rules = Combinators.combine(Arbitraries.integers().between(0, 90), Arbitraries.of(true, false),
                        Arbitraries.of(RefundMethod.class), fees, Arbitraries.of(true, false), Arbitraries.integers().between(0, 90))
                .as((freeLook, despite, method, fee, deducts, due) -> new RefundRule("PROP", freeLook, despite, method, fee, deducts, due, null));
        return Combinators.combine(contracts, rules).as(Case::new)
                .filter(c -> c.rule().method() != RefundMethod.PRO_RATA_MILES || c.contract().termMiles() != null);
    }

    static Arbitrary<BigDecimal> percent() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("99.99")).ofScale(2);
    }

    static Money cents(int cents) {
        return Money.of(BigDecimal.valueOf(cents, 2));
    }

    Refund refund(Case c, int day, int miles) {
        LocalDate cancel = SALE.plusDays(day);
        return engine.calculate(c.contract(), new CancellationTerms(cancel, c.contract().odometerAtSale() + miles, true, cancel), c.rule());
    }

    @Property
    void refundStaysWithinZeroAndThePrice(@ForAll("cases") Case c, @ForAll @IntRange(max = 4_000) int day,
                                          @ForAll @IntRange(max = 200_000) int miles) {
        Refund r = refund(c, day, miles);
        assertThat(r.refund().isNegative()).isFalse();
        assertThat(r.refund()).isLessThanOrEqualTo(c.contract().customerPrice());
        assertThat(r.fee().isNegative()).isFalse();
        assertThat(r.claimsDeducted()).isLessThanOrEqualTo(c.contract().claimsPaid());
    }

    @Property
    void refundNeverIncreasesAsTheCancelDateMovesForward(@ForAll("cases") Case c, @ForAll @IntRange(max = 4_000) int day,
                                                         @ForAll @IntRange(min = 1, max = 400) int later,
                                                         @ForAll @IntRange(max = 200_000) int miles) {
        assertThat(refund(c, day + later, miles).refund()).isLessThanOrEqualTo(refund(c, day, miles).refund());
    }

    @Property
    void refundNeverIncreasesAsTheOdometerMovesForward(@ForAll("cases") Case c, @ForAll @IntRange(max = 4_000) int day,
                                                       @ForAll @IntRange(max = 200_000) int miles,
                                                       @ForAll @IntRange(min = 1, max = 50_000) int more) {
        assertThat(refund(c, day, miles + more).refund()).isLessThanOrEqualTo(refund(c, day, miles).refund());
    }

    @Property
    void chargebackNeverExceedsTheDealersProfit(@ForAll("cases") Case c, @ForAll @IntRange(max = 4_000) int day,
                                                @ForAll @IntRange(max = 200_000) int miles) {
        Refund r = refund(c, day, miles);
        Money profit = c.contract().customerPrice().minus(c.contract().dealerCost()).max(Money.ZERO);
        assertThat(r.dealerChargeback()).isLessThanOrEqualTo(profit);
        assertThat(r.dealerChargeback().isNegative()).isFalse();
        assertThat(r.providerShare().isNegative()).isFalse();
    }

    @Property
    void componentsAddUpToTheRefundExactly(@ForAll("cases") Case c, @ForAll @IntRange(max = 4_000) int day,
                                           @ForAll @IntRange(max = 200_000) int miles) {
        Refund r = refund(c, day, miles);
        assertThat(r.grossRefund().minus(r.claimsDeducted()).minus(r.fee())).isEqualTo(r.refund());
        assertThat(r.providerShare().plus(r.dealerChargeback())).isEqualTo(r.grossRefund());
        assertThat(r.refund().amount().scale()).isEqualTo(2);
    }
}
