package com.fniexchange.cancellation.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fniexchange.cancellation.CancellationServiceTest;
import com.fniexchange.cancellation.refund.FeeRule;
import com.fniexchange.cancellation.refund.RefundMethod;
import com.fniexchange.model.Money;
import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The rule table the migration seeds: the states DOMAIN.md names, a default, and the lookup order. */
@CancellationServiceTest
class RefundRuleTableTest {

    @Autowired
    RefundRuleTable rules;

    @Test
    void seedsTheStateRulesAndADefault() {
        // the first version of each rule, as V1 seeded it
        Map<String, RefundRuleTable.StateRule> byCode = rules.all().stream().filter(r -> r.version() == 1)
                .collect(Collectors.toMap(r -> r.rule().code(), r -> r));
        assertThat(byCode).containsKeys("TX-VSC", "CA-VSC", "NV-VSC", "NJ-GAP", "AR-GAP", "SC-GAP", "CA-GAP", "DEFAULT");

        // the worked examples' rules (RefundEngineTest) are what the table says
        assertThat(byCode.get("TX-VSC").rule()).isEqualTo(com.fniexchange.cancellation.refund.RefundEngineTestRules.TX_VSC);
        assertThat(byCode.get("CA-VSC").rule()).isEqualTo(com.fniexchange.cancellation.refund.RefundEngineTestRules.CA_VSC);

        assertThat(byCode.get("DEFAULT-GAP").rule()).isEqualTo(com.fniexchange.cancellation.refund.RefundEngineTestRules.RULE_OF_78S);
        assertThat(byCode.get("NV-VSC").rule().fee()).isEqualTo(FeeRule.flat(Money.of("25.00")));
        assertThat(byCode.get("NV-VSC").rule().freeLookDays()).isEqualTo(30);
        assertThat(byCode.get("NJ-GAP").rule().fee()).isEqualTo(FeeRule.flat(Money.of("50.00")));
        assertThat(byCode.get("NJ-GAP").rule().refundDueDays()).isEqualTo(60);
        assertThat(byCode.get("AR-GAP").rule().fee()).isEqualTo(FeeRule.flat(Money.of("75.00")));
        assertThat(byCode.get("SC-GAP").rule().fee()).isEqualTo(FeeRule.none());
        assertThat(byCode.get("CA-GAP").rule().fee()).isEqualTo(FeeRule.none());
        assertThat(byCode.get("CA-GAP").rule().method()).isEqualTo(RefundMethod.PRO_RATA_DAYS);
        assertThat(byCode.get("DEFAULT").rule().fee()).isEqualTo(FeeRule.percent(new BigDecimal("10.00"), Money.of("75.00")));
    }

    @Test
    void theMostSpecificRuleApplies() {
        assertThat(rules.forContract("TX", "VSC", TODAY).rule().code()).isEqualTo("TX-VSC");
        assertThat(rules.forContract("CA", "GAP", TODAY).rule().code()).isEqualTo("CA-GAP");
        assertThat(rules.forContract("TX", "GAP", TODAY).rule().code()).isEqualTo("DEFAULT-GAP");
        assertThat(rules.forContract("NJ", "VSC", TODAY).rule().code()).isEqualTo("DEFAULT");
        assertThat(rules.forContract("TX", "TIRE_WHEEL", TODAY).rule().code()).isEqualTo("DEFAULT");
    }

    @Test
    void aQuoteTakesTheVersionInEffectOnItsDayAndAnApprovalTheVersionItsQuoteNamed() {
        // California VSC, version 2 (V7): the used car without its manufacturer's warranty
        RefundRuleTable.StateRule before = rules.forContract("CA", "VSC", CA_V2.minusDays(1));
        RefundRuleTable.StateRule since = rules.forContract("CA", "VSC", CA_V2);
        assertThat(before.version()).isEqualTo(1);
        assertThat(before.rule().freeLookDaysWithoutWarranty()).isNull();
        assertThat(since.version()).isEqualTo(2);
        assertThat(since.effectiveFrom()).isEqualTo(CA_V2);
        assertThat(since.rule().freeLookDays()).isEqualTo(60);
        assertThat(since.rule().freeLookDaysWithoutWarranty()).isEqualTo(30);
        assertThat(since.rule().fee()).as("nothing else changed").isEqualTo(before.rule().fee());
        assertThat(rules.byCode("CA-VSC", 1)).isEqualTo(before);
        assertThat(rules.byCode("CA-VSC", 2)).isEqualTo(since);
    }

    private static final java.time.LocalDate TODAY = java.time.LocalDate.now();
    private static final java.time.LocalDate CA_V2 = java.time.LocalDate.of(2026, 12, 6);
}
