package com.fniexchange.claims.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fniexchange.claims.ClaimDeskTest;
import com.fniexchange.claims.ClaimsServiceTest;
import com.fniexchange.claims.ContractFeed;
import com.fniexchange.model.Money;
import com.fniexchange.model.event.EventEnvelope;
import com.fniexchange.model.event.contract.ContractActivated;
import com.fniexchange.model.event.contract.ContractSubmitted;
import com.fniexchange.model.event.contract.ContractVoided;
import com.fniexchange.testsupport.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

/**
 * The projection through the real broker and consumer: what it keeps, replays and duplicates
 * change nothing, an older status is ignored, and an event for an unknown contract is
 * dead-lettered rather than guessed.
 */
@ClaimsServiceTest
class CoverageProjectionTest extends ClaimDeskTest {

    private Map<String, Object> row(ContractSubmitted c) {
        return jdbc.sql("SELECT * FROM contract_coverage WHERE contract_number = :n").param("n", c.contractNumber().value())
                .query().singleRow();
    }

    @Test
    void keepsTheCoverageFactsAndNoPriceOrCustomer() {
        ContractSubmitted c = feed.activeContract(40);
        Map<String, Object> row = row(c);
        assertThat(row).containsEntry("status", "ACTIVE").containsEntry("dealer_code", "D1001").containsEntry("vin", c.vin().value())
                .containsEntry("make", "HONDA").containsEntry("odometer_at_sale", 24_500).containsEntry("term_months", 60)
                .containsEntry("term_miles", 75_000).containsEntry("sale_date", java.sql.Date.valueOf(c.saleDate()));
        assertThat((java.math.BigDecimal) row.get("deductible")).isEqualByComparingTo("100.00");
        assertThat((java.math.BigDecimal) row.get("limit_of_liability")).isEqualByComparingTo("15000.00");
        assertThat((java.math.BigDecimal) row.get("paid_to_date")).isZero();
        assertThat(row.keySet()).noneMatch(k -> k.contains("price") || k.contains("cost") || k.contains("customer")
                || k.contains("lienholder"));
    }

    @Test
    void aDuplicatedOrReplayedEventChangesNothing() {
        ContractSubmitted c = ContractFeed.vsc(ContractFeed.today().minusDays(40), 24_500, Money.of("15000.00"));
        EventEnvelope submitted = ContractFeed.publish(c);
        ContractActivated activated = new ContractActivated(c.contractNumber(), c.dealerCode(), true, null, c.occurredAt());
        EventEnvelope activation = ContractFeed.publish(activated);
        feed.awaitStatus(c.contractNumber(), "ACTIVE");
        Map<String, Object> before = row(c);

        // the same events again (a redelivery: same ce_id), then a replay of the submission under a new id with other facts
        ContractFeed.deliver(submitted, c);
        ContractFeed.deliver(activation, activated);
        ContractSubmitted altered = new ContractSubmitted(c.contractNumber(), c.dealerCode(), c.dealNumber(), c.productCode(),
                c.planCode(), c.quoteId(), c.vin(), 1, c.vehicleInServiceDate(), c.saleDate(), 12, 12_000, Money.of("250"),
                c.dealerCost(), c.customerPrice(), c.financed(), c.lienholder(), c.customerState(), c.make(), Money.of("1.00"),
                c.occurredAt().plusSeconds(1));
        ContractFeed.publish(altered);
        // a marker event behind them on the same partition: once it is applied, the others were handled
        ContractFeed.publish(new ContractVoided(c.contractNumber(), c.dealerCode(), "marker", "test", c.occurredAt().plusSeconds(2)));
        feed.awaitStatus(c.contractNumber(), "VOIDED");

        Map<String, Object> after = row(c);
        after.remove("status");
        after.remove("status_at");
        after.remove("updated_at");
        before.remove("status");
        before.remove("status_at");
        before.remove("updated_at");
        assertThat(after).isEqualTo(before);
        int inboxRows = jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id IN (:ids)")
                .param("ids", java.util.List.of(submitted.id(), activation.id())).query(Integer.class).single();
        assertThat(inboxRows).isEqualTo(2);
    }

    @Test
    void anOlderStatusArrivingLateIsIgnored() {
        ContractSubmitted c = feed.activeContract(40);
        ContractFeed.publish(new ContractVoided(c.contractNumber(), c.dealerCode(), "unwound", "test", c.occurredAt().plusSeconds(10)));
        feed.awaitStatus(c.contractNumber(), "VOIDED");
        // a dead-lettered activation replayed after the void: older than the status held
        ContractFeed.publish(new ContractActivated(c.contractNumber(), c.dealerCode(), false, "admin", c.occurredAt().plusSeconds(5)));
        ContractFeed.publish(new ContractVoided(c.contractNumber(), c.dealerCode(), "marker", "test", c.occurredAt().plusSeconds(10)));
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                .until(() -> "VOIDED".equals(feed.status(c.contractNumber())));
    }

    @Test
    void aStatusEventForAContractNeverSubmittedIsDeadLettered() {
        ContractSubmitted unseen = ContractFeed.vsc(ContractFeed.today().minusDays(40), 24_500, Money.of("15000.00"));
        try (KafkaConsumer<String, String> dlq = TestKafka.consumer(TestKafka.brokers(), "contract-events.dlq")) {
            EventEnvelope orphan = ContractFeed.publish(new ContractActivated(unseen.contractNumber(), unseen.dealerCode(), true, null,
                    unseen.occurredAt().truncatedTo(ChronoUnit.MICROS)));
            ConsumerRecord<String, String> dead = await().atMost(Duration.ofSeconds(30)).until(() ->
                            TestKafka.poll(dlq, 1, Duration.ofMillis(500)).stream()
                                    .filter(r -> orphan.id().toString().equals(header(r, "ce_id"))).findFirst().orElse(null),
                    r -> r != null);
            assertThat(header(dead, "x-fni-failure-reason")).contains(unseen.contractNumber().value()).contains("is not projected here");
            assertThat(dead.key()).isEqualTo(unseen.contractNumber().value());
        }
        assertThat(feed.status(unseen.contractNumber())).isNull();

        // replayed once the submission arrived, it applies
        feed.activeContract(unseen);
        assertThat(feed.status(unseen.contractNumber())).isEqualTo("ACTIVE");
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
