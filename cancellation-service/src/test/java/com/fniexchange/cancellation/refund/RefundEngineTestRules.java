package com.fniexchange.cancellation.refund;

import com.fniexchange.model.Money;
import java.math.BigDecimal;

/** The rules of the worked examples. */
public final class RefundEngineTestRules {

    /** As seeded in V1__cancellation.sql (RefundRuleTableTest checks the table says the same). */
    public static final RefundRule TX_VSC = new RefundRule("TX-VSC", 31, true, RefundMethod.LESSER_OF_TIME_OR_MILES,
            FeeRule.flat(Money.of("50.00")), true, 45, "10% of the refund per month late");
    public static final RefundRule CA_VSC = new RefundRule("CA-VSC", 60, false, RefundMethod.LESSER_OF_TIME_OR_MILES,
            FeeRule.lesserOf(new BigDecimal("10.00"), Money.of("25.00")), true, 30, null);
    /** CA-VSC version 2 (V7): 30 days of free look for a used car without its manufacturer's warranty. */
    public static final RefundRule CA_VSC_V2 = new RefundRule("CA-VSC", 60, false, RefundMethod.LESSER_OF_TIME_OR_MILES,
            FeeRule.lesserOf(new BigDecimal("10.00"), Money.of("25.00")), true, 30, null, 30);
    public static final RefundRule RULE_OF_78S = new RefundRule("DEFAULT-GAP", 30, false, RefundMethod.RULE_OF_78S,
            FeeRule.none(), true, 30, null);

    private RefundEngineTestRules() {
    }
}
