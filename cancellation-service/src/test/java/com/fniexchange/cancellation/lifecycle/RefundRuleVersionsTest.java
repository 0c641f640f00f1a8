package com.fniexchange.cancellation.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fniexchange.cancellation.Api;
import com.fniexchange.cancellation.CancellationServiceTest;
import com.fniexchange.cancellation.Streams;
import com.fniexchange.cancellation.Streams.Sale;
import com.fniexchange.testsupport.DevJwt;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Refund rules by version, through the API: a quote takes the version in effect on its day and
 * names it, its approval recomputes under that version whatever the rule became, and the
 * register shows it. California's version 2 gives a used car without its manufacturer's
 * warranty 30 days of free look instead of 60.
 */
@CancellationServiceTest
class RefundRuleVersionsTest {

    private static final String DEALER = DevJwt.dealer("D1001");
    private static final String ADMIN = DevJwt.providerAdmin();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aCaliforniaUsedCarWithoutItsManufacturersWarrantyIsOutOfItsFreeLookAfterThirtyDays() {
        Api api = new Api(port);
        LocalDate today = Api.today();
        Sale sale = Sale.vsc("CA", today.minusDays(45));

        JsonNode withoutWarranty = quote(api, Streams.activateAndProject(sale.manufacturerWarranty(false), jdbc), today);
        assertThat(withoutWarranty.at("/rule/code").asText()).isEqualTo("CA-VSC");
        assertThat(withoutWarranty.at("/rule/version").asInt()).isEqualTo(2);
        assertThat(withoutWarranty.at("/rule/freeLookDaysWithoutWarranty").asInt()).isEqualTo(30);
        assertThat(withoutWarranty.get("basis").asText()).as("day 45 of a 30-day free look").isNotEqualTo("FREE_LOOK");
        assertThat(withoutWarranty.get("fee").decimalValue()).isPositive();

        JsonNode withWarranty = quote(api, Streams.activateAndProject(sale.manufacturerWarranty(true), jdbc), today);
        assertThat(withWarranty.get("basis").asText()).as("day 45 of 60").isEqualTo("FREE_LOOK");
        JsonNode notSaid = quote(api, Streams.activateAndProject(sale, jdbc), today);
        assertThat(notSaid.get("basis").asText()).as("not stated: the 60 days").isEqualTo("FREE_LOOK");
        assertThat(notSaid.get("refund").decimalValue()).isEqualByComparingTo("2195.00");
    }

    @Test
    void anApprovalRecomputesUnderTheVersionItsQuoteWasMadeWithAndTheRegisterShowsIt() {
        Api api = new Api(port);
        LocalDate today = Api.today();
        // a state no other test uses, whose rule changes its fee from $50 (version 1) to $75 (version 2) today
        jdbc.sql("""
                INSERT INTO refund_rule (rule_code, version, effective_from, state, product_code, free_look_days,
                    free_look_despite_claims, method, fee_type, fee_flat, deducts_claims, refund_due_days, note)
                VALUES ('WY-VSC', 1, DATE '2000-01-01', 'WY', 'VSC', 30, false, 'LESSER_OF_TIME_OR_MILES', 'FLAT', 50.00, true, 30,
                    'test rule, version 1')
                """).update();
        String first = Streams.activateAndProject(Sale.vsc("WY", today.minusDays(200)), jdbc);
        JsonNode quotedUnderV1 = quote(api, first, today);
        assertThat(quotedUnderV1.at("/rule/version").asInt()).isEqualTo(1);
        assertThat(quotedUnderV1.get("fee").decimalValue()).isEqualByComparingTo("50.00");

        jdbc.sql("""
                INSERT INTO refund_rule (rule_code, version, effective_from, state, product_code, free_look_days,
                    free_look_despite_claims, method, fee_type, fee_flat, deducts_claims, refund_due_days, note)
                VALUES ('WY-VSC', 2, :today, 'WY', 'VSC', 30, false, 'LESSER_OF_TIME_OR_MILES', 'FLAT', 75.00, true, 30,
                    'test rule, version 2')
                """).param("today", today).update();
        JsonNode quotedUnderV2 = quote(api, Streams.activateAndProject(Sale.vsc("WY", today.minusDays(200)), jdbc), today);
        assertThat(quotedUnderV2.at("/rule/version").asInt()).isEqualTo(2);
        assertThat(quotedUnderV2.get("fee").decimalValue()).isEqualByComparingTo("75.00");

        // the first quote's cancellation, approved after version 2 took effect and after a claim was paid
        String id = api.post("/api/v1/cancellations", DEALER, "{\"quoteId\":\"" + quotedUnderV1.get("quoteId").asText()
                + "\",\"reason\":\"CUSTOMER_REQUEST\"}").json().get("cancellationId").asText();
        Streams.claimPaid(first, "100.00", "100.00");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT count(*) FROM claim_payment WHERE contract_number = :n").param("n", first).query(Long.class).single() == 1);
        Api.Response approved = api.post("/api/v1/cancellations/" + id + "/approve", ADMIN, "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        JsonNode a = approved.json().get("approvedRefund");
        assertThat(a.get("recomputedAtApproval").asBoolean()).isTrue();
        assertThat(a.get("fee").decimalValue()).as("recomputed under version 1, not the version in effect now")
                .isEqualByComparingTo("50.00");
        assertThat(approved.json().at("/quote/rule/version").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT rule_version FROM cancellation_register WHERE cancellation_id = :id")
                .param("id", UUID.fromString(id)).query(Integer.class).single()).isEqualTo(1);

        // a version quotes were made under cannot be changed or removed; one no quote used can
        assertThatThrownBy(() -> jdbc.sql("UPDATE refund_rule SET fee_flat = 10.00 WHERE rule_code = 'WY-VSC' AND version = 1").update())
                .hasMessageContaining("WY-VSC version 1 is used by quotes");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM refund_rule WHERE rule_code = 'WY-VSC' AND version = 1").update())
                .hasMessageContaining("add a new version");
        assertThat(jdbc.sql("UPDATE refund_rule SET note = note || ' (reviewed)' WHERE rule_code = 'WY-VSC' AND version = 1").update())
                .as("what computes no refund may still be edited").isEqualTo(1);
        jdbc.sql("""
                INSERT INTO refund_rule (rule_code, version, effective_from, state, product_code, free_look_days,
                    free_look_despite_claims, method, fee_type, deducts_claims, refund_due_days, note)
                VALUES ('WY-VSC', 3, :later, 'WY', 'VSC', 30, false, 'LESSER_OF_TIME_OR_MILES', 'NONE', true, 30, 'not used yet')
                """).param("later", today.plusYears(1)).update();
        assertThat(jdbc.sql("DELETE FROM refund_rule WHERE rule_code = 'WY-VSC' AND version = 3").update()).isEqualTo(1);
    }

    private static JsonNode quote(Api api, String number, LocalDate cancelDate) {
        Api.Response quoted = api.post("/api/v1/cancellations/quotes", DEALER,
                "{\"contractNumber\":\"" + number + "\",\"cancelDate\":\"" + cancelDate + "\",\"odometer\":30000,\"reason\":\"CUSTOMER_REQUEST\"}");
        assertThat(quoted.status()).as(quoted.body()).isEqualTo(201);
        return quoted.json();
    }
}
