package com.fniexchange.cancellation.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fniexchange.model.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The worked examples of DOMAIN.md "Cancellations and refunds", and the rules around them. */
class RefundEngineTest {

    static final RefundRule TX_VSC = RefundEngineTestRules.TX_VSC;
    static final RefundRule CA_VSC = RefundEngineTestRules.CA_VSC;
    static final RefundRule RULE_OF_78S = RefundEngineTestRules.RULE_OF_78S;

    final RefundEngine engine = new RefundEngine();

    static CoveredContract vsc(String saleDate, int odometerAtSale, String claimsPaid) {
        return new CoveredContract(Money.of("2195.00"), Money.of("1100.00"), LocalDate.parse(saleDate), 60, 75_000,
                odometerAtSale, Money.of(claimsPaid), true, "Ally Bank");
    }

    static CancellationTerms on(String cancelDate, Integer odometer) {
        LocalDate date = LocalDate.parse(cancelDate);
        return new CancellationTerms(date, odometer, true, date);
    }

    @Test
    void ruleOf78sWithTwelveMonthsNineUnusedAndAHundredDollarsGives5769() {
        CoveredContract gap = new CoveredContract(Money.of("100.00"), Money.of("60.00"), LocalDate.parse("2025-01-15"), 12, null,
                10, Money.ZERO, false, null);

        Refund refund = engine.calculate(gap, on("2025-04-15", null), RULE_OF_78S);

        assertThat(refund.monthsUsed()).isEqualTo(3);
        assertThat(refund.basis()).isEqualTo(RefundBasis.MONTHS);
        assertThat(refund.grossRefund()).isEqualTo(Money.of("57.69")); // 100 × 9·10 / (12·13)
        assertThat(refund.refund()).isEqualTo(Money.of("57.69"));
        assertThat(refund.dealerChargeback()).isEqualTo(Money.of("23.08")); // 40 × 90/156
        assertThat(refund.providerShare()).isEqualTo(Money.of("34.61"));
        assertThat(refund.payee()).isEqualTo(Payee.CUSTOMER);
    }

    @Test
    void ruleOf78sCountsAStartedMonthAsUsed() {
        assertThat(RefundEngine.monthsUsed(LocalDate.parse("2025-01-15"), LocalDate.parse("2025-01-15"), 12)).isZero();
        assertThat(RefundEngine.monthsUsed(LocalDate.parse("2025-01-15"), LocalDate.parse("2025-01-16"), 12)).isEqualTo(1);
        assertThat(RefundEngine.monthsUsed(LocalDate.parse("2025-01-15"), LocalDate.parse("2025-04-16"), 12)).isEqualTo(4);
        assertThat(RefundEngine.monthsUsed(LocalDate.parse("2025-01-15"), LocalDate.parse("2027-01-15"), 12)).isEqualTo(12);
    }

    @Test
    void texasVscCancelledOnDay20WithNoClaimGetsAFullRefundAndNoFee() {
        Refund refund = engine.calculate(vsc("2025-03-01", 24_500, "0"), on("2025-03-21", 25_100), TX_VSC);

        assertThat(refund.basis()).isEqualTo(RefundBasis.FREE_LOOK);
        assertThat(refund.daysUsed()).isEqualTo(20);
        assertThat(refund.refund()).isEqualTo(Money.of("2195.00"));
        assertThat(refund.fee()).isEqualTo(Money.ZERO);
        assertThat(refund.dealerChargeback()).isEqualTo(Money.of("1095.00"));
        assertThat(refund.providerShare()).isEqualTo(Money.of("1100.00"));
        assertThat(refund.payee()).isEqualTo(Payee.LIENHOLDER);
        assertThat(refund.lienholder()).isEqualTo("Ally Bank");
        assertThat(refund.refundDueDate()).isEqualTo(LocalDate.parse("2025-05-05")); // 45 days
    }

    @Test
    void texasFreeLookIsAFullRefundLessClaimsAndEndsAfterDay31() {
        Refund withClaim = engine.calculate(vsc("2025-03-01", 24_500, "300.00"), on("2025-04-01", 25_100), TX_VSC);
        assertThat(withClaim.basis()).isEqualTo(RefundBasis.FREE_LOOK);
        assertThat(withClaim.claimsDeducted()).isEqualTo(Money.of("300.00"));
        assertThat(withClaim.refund()).isEqualTo(Money.of("1895.00"));

        Refund day32 = engine.calculate(vsc("2025-03-01", 24_500, "0"), on("2025-04-02", 25_100), TX_VSC);
        assertThat(day32.basis()).isEqualTo(RefundBasis.DAYS);
        assertThat(day32.fee()).isEqualTo(Money.of("50.00"));
        assertThat(day32.refund()).isLessThan(Money.of("2145.00"));
    }

    @Test
    void californiaVscAfterTheFreeLookPaysTheLesserOfTenPercentAndTwentyFiveDollars() {
        // day 90 of 1,826: 10% of the gross (208.68) is more than $25
        Refund early = engine.calculate(vsc("2025-01-10", 30_000, "0"), on("2025-04-10", 31_200), CA_VSC);
        assertThat(early.basis()).isEqualTo(RefundBasis.DAYS);
        assertThat(early.grossRefund()).isEqualTo(Money.of("2086.81")); // 2195 × 1736/1826
        assertThat(early.fee()).isEqualTo(Money.of("25.00"));
        assertThat(early.refund()).isEqualTo(Money.of("2061.81"));
        assertThat(early.dealerChargeback()).isEqualTo(Money.of("1041.03"));
        assertThat(early.providerShare()).isEqualTo(Money.of("1045.78"));

        // day 1,734 of 1,826: 10% of the gross (11.06) is less than $25
        Refund late = engine.calculate(vsc("2020-06-01", 30_000, "0"), on("2025-03-01", 31_200), CA_VSC);
        assertThat(late.grossRefund()).isEqualTo(Money.of("110.59"));
        assertThat(late.fee()).isEqualTo(Money.of("11.06"));
        assertThat(late.refund()).isEqualTo(Money.of("99.53"));
    }

    @Test
    void californiaFreeLookNeedsNoClaimPaid() {
        Refund noClaim = engine.calculate(vsc("2025-01-10", 30_000, "0"), on("2025-03-01", 31_200), CA_VSC);
        assertThat(noClaim.basis()).isEqualTo(RefundBasis.FREE_LOOK);
        assertThat(noClaim.refund()).isEqualTo(Money.of("2195.00"));

        Refund claimPaid = engine.calculate(vsc("2025-01-10", 30_000, "120.00"), on("2025-03-01", 31_200), CA_VSC);
        assertThat(claimPaid.basis()).isEqualTo(RefundBasis.DAYS);
        assertThat(claimPaid.claimsDeducted()).isEqualTo(Money.of("120.00"));
        assertThat(claimPaid.fee()).isEqualTo(Money.of("25.00"));
    }

    @Test
    void californiaUsedCarWithoutItsManufacturersWarrantyHasThirtyDaysOfFreeLookNotSixty() {
        RefundRule caVersion2 = RefundEngineTestRules.CA_VSC_V2;
        // sold 2025-01-10: day 30 is 2025-02-09, day 31 2025-02-10, day 41 2025-02-20
        Refund day30 = engine.calculate(warranty(false), on("2025-02-09", 31_200), caVersion2);
        assertThat(day30.basis()).isEqualTo(RefundBasis.FREE_LOOK);
        assertThat(day30.refund()).isEqualTo(Money.of("2195.00"));

        Refund day31 = engine.calculate(warranty(false), on("2025-02-10", 31_200), caVersion2);
        assertThat(day31.basis()).isNotEqualTo(RefundBasis.FREE_LOOK);
        assertThat(day31.fee()).as("the lesser of 10% and $25").isEqualTo(Money.of("25.00"));
        assertThat(day31.refund()).isEqualTo(day31.grossRefund().minus(Money.of("25.00")));

        for (Boolean notWithout : new Boolean[] {true, null}) {
            Refund day41 = engine.calculate(warranty(notWithout), on("2025-02-20", 31_200), caVersion2);
            assertThat(day41.basis()).as("warranty %s: the 60-day free look", notWithout).isEqualTo(RefundBasis.FREE_LOOK);
        }
        assertThat(engine.calculate(warranty(false), on("2025-02-20", 31_200), CA_VSC).basis())
                .as("version 1 made no difference").isEqualTo(RefundBasis.FREE_LOOK);
    }

    private static CoveredContract warranty(Boolean inForce) {
        return new CoveredContract(Money.of("2195.00"), Money.of("1100.00"), LocalDate.parse("2025-01-10"), 60, 75_000,
                30_000, Money.ZERO, true, "Ally Bank", inForce);
    }

    @Test
    void mileageHeavyCaseMilesNotDaysDecide() {
        // 180 of 1,826 days (9.9%) but 30,000 of 75,000 miles (40%): miles decide
        Refund refund = engine.calculate(vsc("2025-03-01", 24_500, "0"), on("2025-08-28", 54_500), TX_VSC);

        assertThat(refund.basis()).isEqualTo(RefundBasis.MILES);
        assertThat(refund.milesUsed()).isEqualTo(30_000);
        assertThat(refund.grossRefund()).isEqualTo(Money.of("1317.00")); // days would give 1978.63
        assertThat(refund.fee()).isEqualTo(Money.of("50.00"));
        assertThat(refund.refund()).isEqualTo(Money.of("1267.00"));
        assertThat(refund.dealerChargeback()).isEqualTo(Money.of("657.00"));
        assertThat(refund.providerShare()).isEqualTo(Money.of("660.00"));

        Refund byDays = engine.calculate(vsc("2025-03-01", 24_500, "0"), on("2025-08-28", 25_000), TX_VSC);
        assertThat(byDays.basis()).isEqualTo(RefundBasis.DAYS);
        assertThat(byDays.grossRefund()).isEqualTo(Money.of("1978.63"));
    }

    @Test
    void claimsAboveTheGrossLeaveNothingAndNoNegativeFee() {
        Refund refund = engine.calculate(vsc("2023-03-01", 24_500, "4800.00"), on("2025-03-01", 40_000), TX_VSC);
        assertThat(refund.claimsDeducted()).isEqualTo(refund.grossRefund());
        assertThat(refund.fee()).isEqualTo(Money.ZERO);
        assertThat(refund.refund()).isEqualTo(Money.ZERO);
    }

    @Test
    void earlyPayoffClosesTheLienSoTheCustomerIsPaid() {
        LocalDate cancel = LocalDate.parse("2025-06-01");
        Refund refund = engine.calculate(vsc("2025-03-01", 24_500, "0"), new CancellationTerms(cancel, 27_000, false,
                cancel.plusDays(10)), TX_VSC);
        assertThat(refund.payee()).isEqualTo(Payee.CUSTOMER);
        assertThat(refund.lienholder()).isNull();
        assertThat(refund.refundDueDate()).as("45 days from the later received date").isEqualTo(LocalDate.parse("2025-07-26"));
    }

    @Test
    void refusesACancelDateBeforeTheSaleAndAnOdometerBelowTheSale() {
        assertThatThrownBy(() -> engine.calculate(vsc("2025-03-01", 24_500, "0"), on("2025-02-28", 25_000), TX_VSC))
                .hasMessageContaining("before the sale date");
        assertThatThrownBy(() -> engine.calculate(vsc("2025-03-01", 24_500, "0"), on("2025-06-28", 24_000), TX_VSC))
                .hasMessageContaining("below the odometer at sale");
        assertThatThrownBy(() -> engine.calculate(vsc("2025-03-01", 24_500, "0"), on("2025-06-28", null), TX_VSC))
                .hasMessageContaining("odometer at cancellation is required");
    }

    @Test
    void feeRulesNoneFlatPercentLesserOfAndCapped() {
        Money gross = Money.of("800.00");
        assertThat(FeeRule.none().on(gross)).isEqualTo(Money.ZERO);
        assertThat(FeeRule.flat(Money.of("75.00")).on(gross)).isEqualTo(Money.of("75.00"));
        assertThat(FeeRule.percent(new BigDecimal("10"), null).on(gross)).isEqualTo(Money.of("80.00"));
        assertThat(FeeRule.percent(new BigDecimal("10"), Money.of("50.00")).on(gross)).isEqualTo(Money.of("50.00"));
        assertThat(FeeRule.lesserOf(new BigDecimal("10"), Money.of("25.00")).on(gross)).isEqualTo(Money.of("25.00"));
        assertThat(FeeRule.lesserOf(new BigDecimal("10"), Money.of("25.00")).on(Money.of("123.45"))).isEqualTo(Money.of("12.35"));
        assertThat(new FeeRule(FeeRule.Type.FLAT, Money.of("75.00"), null, Money.of("50.00")).on(gross)).isEqualTo(Money.of("50.00"));
        assertThatThrownBy(() -> new FeeRule(FeeRule.Type.PERCENT, null, null, null)).hasMessageContaining("percentage");
    }
}
