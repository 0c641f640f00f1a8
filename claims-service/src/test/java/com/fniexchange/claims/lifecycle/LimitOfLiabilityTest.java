package com.fniexchange.claims.lifecycle;

import static com.fniexchange.claims.Claims.ADJUSTER;
import static com.fniexchange.claims.Claims.FACILITY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fniexchange.claims.Claims;
import com.fniexchange.claims.ClaimDeskTest;
import com.fniexchange.claims.ClaimsServiceTest;
import com.fniexchange.claims.ContractFeed;
import com.fniexchange.claims.Http;
import com.fniexchange.model.Money;
import com.fniexchange.model.event.contract.ContractSubmitted;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** The limit of liability is never exceeded: not by one payment, not by two racing on one contract. */
@ClaimsServiceTest
class LimitOfLiabilityTest extends ClaimDeskTest {


    /** An invoiced claim authorised for the estimate total (parts at this price + 348.00 labour + 95.00 towing − 100.00). */
    private String invoicedClaim(ContractSubmitted contract, String partPrice) {
        Http.Response opened = http.post("/api/v1/claims", FACILITY, Claims.open(contract.contractNumber().value(), ContractFeed.today(), 30_000));
        String id = opened.json().get("claimId").asText();
        http.post("/api/v1/claims/" + id + "/estimate", FACILITY, Claims.lines(partPrice));
        Http.Response authorized = http.post("/api/v1/claims/" + id + "/authorize", ADJUSTER, "{}");
        assertThat(authorized.status()).as(authorized.body()).isIn(200, 409); // 409: already auto-authorised
        Http.Response invoiced = http.post("/api/v1/claims/" + id + "/invoice", FACILITY, Claims.lines(partPrice));
        assertThat(invoiced.json().get("status").asText()).isEqualTo("INVOICED");
        return id;
    }

    private BigDecimal paidToDate(ContractSubmitted c) {
        return jdbc.sql("SELECT paid_to_date FROM contract_coverage WHERE contract_number = :n").param("n", c.contractNumber().value())
                .query(BigDecimal.class).single();
    }

    @Test
    void aPaymentAboveWhatIsLeftIsRefusedWithTheNumbers() {
        ContractSubmitted contract = feed.activeContract(ContractFeed.vsc(ContractFeed.today().minusDays(40), 24_500, Money.of("3000.00")));
        String first = invoicedClaim(contract, "2157.00");   // 2157 + 348 + 95 - 100 = 2500.00
        assertThat(http.post("/api/v1/claims/" + first + "/pay", ADJUSTER, "{}").status()).isEqualTo(200);

        // the estimate of 900.00 is under the threshold but above the 500.00 left: it waits for an adjuster
        Http.Response opened = http.post("/api/v1/claims", FACILITY, Claims.open(contract.contractNumber().value(), ContractFeed.today(), 30_000));
        String second = opened.json().get("claimId").asText();
        var estimate = http.post("/api/v1/claims/" + second + "/estimate", FACILITY, Claims.lines("557.00")).json();
        assertThat(estimate.get("needsAdjuster").asBoolean()).isTrue();
        assertThat(estimate.get("adjusterReason").asText()).contains("500.00 left of the limit of liability");
        Http.Response refused = http.post("/api/v1/claims/" + second + "/authorize", ADJUSTER, "{}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.problemType()).isEqualTo("limit-of-liability-exceeded");
        assertThat(refused.json().get("limitOfLiability").decimalValue()).isEqualByComparingTo("3000.00");
        assertThat(refused.json().get("paidToDate").decimalValue()).isEqualByComparingTo("2500.00");
        assertThat(refused.json().get("remainingLimit").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(refused.json().get("amount").decimalValue()).isEqualByComparingTo("900.00");
        assertThat(http.post("/api/v1/claims/" + second + "/authorize", ADJUSTER, "{\"amount\":500.00}").status()).isEqualTo(200);
        assertThat(paidToDate(contract)).isEqualByComparingTo("2500.00");
    }

    @Test
    void twoPaymentsRacingOnOneContractCannotTogetherExceedItsLimit() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                // two claims of 1800.00 each, both authorised while nothing was paid: together above the 3000.00 limit
                ContractSubmitted contract = feed.activeContract(ContractFeed.vsc(ContractFeed.today().minusDays(40), 24_500,
                        Money.of("3000.00")));
                List<String> ids = List.of(invoicedClaim(contract, "1457.00"), invoicedClaim(contract, "1457.00"));
                CyclicBarrier start = new CyclicBarrier(2);
                List<CompletableFuture<Http.Response>> payments = new ArrayList<>();
                for (String id : ids) {
                    payments.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        return http.post("/api/v1/claims/" + id + "/pay", ADJUSTER, "{}");
                    }, pool));
                }
                List<Http.Response> answers = payments.stream().map(CompletableFuture::join).toList();
                assertThat(answers).extracting(Http.Response::status).containsExactlyInAnyOrder(200, 422);
                Http.Response refused = answers.stream().filter(a -> a.status() == 422).findFirst().orElseThrow();
                assertThat(refused.problemType()).isEqualTo("limit-of-liability-exceeded");
                assertThat(refused.json().get("remainingLimit").decimalValue()).isEqualByComparingTo("1200.00");
                assertThat(paidToDate(contract)).isEqualByComparingTo("1800.00");
                int paid = jdbc.sql("SELECT count(*) FROM claim WHERE contract_number = :n AND status = 'PAID'")
                        .param("n", contract.contractNumber().value()).query(Integer.class).single();
                assertThat(paid).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
