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
        Map<String, RefundRuleTable.StateRule> byCode = rules.all().stream()
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
        assertThat(rules.forContract("TX", "VSC").rule().code()).isEqualTo("TX-VSC");
        assertThat(rules.forContract("CA", "GAP").rule().code()).isEqualTo("CA-GAP");
        assertThat(rules.forContract("TX", "GAP").rule().code()).isEqualTo("DEFAULT-GAP");
        assertThat(rules.forContract("NJ", "VSC").rule().code()).isEqualTo("DEFAULT");
        assertThat(rules.forContract("TX", "TIRE_WHEEL").rule().code()).isEqualTo("DEFAULT");
    }
}
