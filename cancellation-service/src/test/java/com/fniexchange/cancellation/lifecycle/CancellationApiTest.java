package com.fniexchange.cancellation.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fniexchange.cancellation.Api;
import com.fniexchange.cancellation.CancellationServiceTest;
import com.fniexchange.cancellation.Streams;
import com.fniexchange.cancellation.Streams.Sale;
import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.DealerCode;
import com.fniexchange.model.Money;
import com.fniexchange.model.ProductCode;
import com.fniexchange.model.event.EventEnvelope;
import com.fniexchange.model.event.EventSchemas;
import com.fniexchange.model.event.EventType;
import com.fniexchange.model.event.contract.ContractVoided;
import com.fniexchange.testsupport.DevJwt;
import com.fniexchange.testsupport.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The REST API on the projection fed through the real broker: quotes under each state's rule,
 * the cancellation's life, its events, and every refusal as problem+json.
 */
@CancellationServiceTest
class CancellationApiTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PROBLEMS = "https://fniexchange.com/problems/";
    static KafkaConsumer<String, String> partner;
    static final List<ConsumerRecord<String, String>> received = new ArrayList<>();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Api api;
    final String dealer = DevJwt.dealer("D1001");
    final String admin = DevJwt.providerAdmin();
    final LocalDate today = Api.today();

    @BeforeAll
    static void subscribe() {
        partner = TestKafka.consumer(TestKafka.brokers(), "cancellation-events");
    }

    @AfterAll
    static void close() {
        partner.close();
    }

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    String activeContract(Sale sale) {
        return Streams.activateAndProject(sale, jdbc);
    }

    void awaitStatus(String number, String status) {
        Streams.awaitProjected(jdbc, number, status);
    }

    static String quoteBody(String number, LocalDate cancelDate, Integer odometer, String reason) {
        return """
                {"contractNumber":"%s","cancelDate":"%s","odometer":%s,"reason":"%s"}
                """.formatted(number, cancelDate, odometer, reason);
    }

    Api.Response quote(String number, LocalDate cancelDate, Integer odometer, String token) {
        return api.post("/api/v1/cancellations/quotes", token, quoteBody(number, cancelDate, odometer, "CUSTOMER_REQUEST"));
    }

    @Test
    void texasVscCancelledOnDay20GetsAFullRefundWithNoFeeUnderTheTexasRule() {
        String number = activeContract(Sale.vsc("TX", today.minusDays(20)));

        Api.Response quote = quote(number, today, 25_100, dealer);

        assertThat(quote.status()).as(quote.body()).isEqualTo(201);
        JsonNode q = quote.json();
        assertThat(quote.header("Location")).isEqualTo("/api/v1/cancellations/quotes/" + q.get("quoteId").asText());
        assertThat(q.at("/rule/code").asText()).isEqualTo("TX-VSC");
        assertThat(q.at("/rule/freeLookDays").asInt()).isEqualTo(31);
        assertThat(q.get("basis").asText()).isEqualTo("FREE_LOOK");
        assertThat(q.get("refund").decimalValue()).isEqualByComparingTo("2195.00");
        assertThat(q.get("fee").decimalValue()).isEqualByComparingTo("0");
        assertThat(q.get("dealerChargeback").decimalValue()).isEqualByComparingTo("1095.00");
        assertThat(q.get("providerShare").decimalValue()).isEqualByComparingTo("1100.00");
        assertThat(q.get("payee").asText()).isEqualTo("LIENHOLDER");
        assertThat(q.get("lienholder").asText()).isEqualTo("Ally Bank");
        assertThat(LocalDate.parse(q.get("refundDueDate").asText())).isEqualTo(today.plusDays(45));
        assertThat(Instant.parse(q.get("validUntil").asText())).isAfter(Instant.now().plus(Duration.ofDays(6)));
        assertThat(quote.body()).contains("\"refund\":2195.00");

        assertThat(api.get("/api/v1/cancellations/quotes/" + q.get("quoteId").asText(), dealer).json().get("refund").decimalValue())
                .isEqualByComparingTo("2195.00");
        ConsumerRecord<String, String> quoted = eventsFor(number, 1).get(0);
        assertThat(header(quoted, "ce_type")).isEqualTo("com.fniexchange.cancellation.quoted.v1");
        assertThat(read(quoted).get("ruleCode").asText()).isEqualTo("TX-VSC");
    }

    @Test
    void californiaVscAfterTheFreeLookPaysTheLesserOfTenPercentAndTwentyFiveDollars() {
        String number = activeContract(Sale.vsc("CA", today.minusDays(90)));

        JsonNode q = quote(number, today, 25_700, dealer).json();

        assertThat(q.at("/rule/code").asText()).isEqualTo("CA-VSC");
        assertThat(q.at("/rule/feeType").asText()).isEqualTo("LESSER_OF_PERCENT_AND_FLAT");
        assertThat(q.get("basis").asText()).isEqualTo("DAYS");
        assertThat(q.get("fee").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(q.get("refund").decimalValue()).isEqualByComparingTo(
                q.get("grossRefund").decimalValue().subtract(q.get("fee").decimalValue()));
    }

    @Test
    void aMileageHeavyTexasContractIsRefundedByMiles() {
        String number = activeContract(Sale.vsc("TX", today.minusDays(180)));

        JsonNode q = quote(number, today, 54_500, dealer).json();

        assertThat(q.get("basis").asText()).isEqualTo("MILES");
        assertThat(q.get("milesUsed").asInt()).isEqualTo(30_000);
        assertThat(q.get("grossRefund").decimalValue()).isEqualByComparingTo("1317.00");
        assertThat(q.get("refund").decimalValue()).isEqualByComparingTo("1267.00");
    }

    @Test
    void gapInAStateWithoutItsOwnRuleUsesTheRuleOf78sAndTheDefaultCoversEverythingElse() {
        Sale gap = new Sale("OH", ProductCode.GAP, "GAP-72", today.minusDays(100), 12, null, 10, "60.00", "100.00", false, "D1001");
        JsonNode q = quote(activeContract(gap), today, null, dealer).json();
        assertThat(q.at("/rule/code").asText()).isEqualTo("DEFAULT-GAP");
        assertThat(q.get("basis").asText()).isEqualTo("MONTHS");
        assertThat(q.get("payee").asText()).isEqualTo("CUSTOMER");
        assertThat(q.get("lienholder").isNull()).isTrue();

        JsonNode other = quote(activeContract(Sale.vsc("OH", today.minusDays(200))), today, 30_000, dealer).json();
        assertThat(other.at("/rule/code").asText()).isEqualTo("DEFAULT");
        assertThat(other.at("/rule/feeCap").decimalValue()).isEqualByComparingTo("75.00");
        assertThat(other.get("fee").decimalValue()).isEqualByComparingTo("75.00");
    }

    @Test
    void aCancellationIsRequestedApprovedAndPaidWithItsEventsInOrder() {
        String number = activeContract(Sale.vsc("TX", today.minusDays(120)));
        JsonNode q = quote(number, today.minusDays(1), 31_000, dealer).json();

        Api.Response requested = api.post("/api/v1/cancellations", dealer,
                "{\"quoteId\":\"" + q.get("quoteId").asText() + "\",\"reason\":\"CUSTOMER_REQUEST\"}");
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        String id = requested.json().get("cancellationId").asText();
        assertThat(requested.header("Location")).isEqualTo("/api/v1/cancellations/" + id);
        assertThat(requested.json().get("status").asText()).isEqualTo("REQUESTED");
        assertThat(requested.json().at("/quote/refund").decimalValue()).isEqualByComparingTo(q.get("refund").decimalValue());
        assertThat(requested.json().get("payment").isNull()).isTrue();

        // a second open cancellation for the same contract is refused
        JsonNode again = quote(number, today, 31_100, dealer).json();
        Api.Response second = api.post("/api/v1/cancellations", dealer,
                "{\"quoteId\":\"" + again.get("quoteId").asText() + "\",\"reason\":\"CUSTOMER_REQUEST\"}");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.header("Content-Type")).startsWith("application/problem+json");
        assertThat(second.json().get("type").asText()).isEqualTo(PROBLEMS + "cancellation-already-open");
        assertThat(second.json().get("openCancellationId").asText()).isEqualTo(id);

        assertThat(api.post("/api/v1/cancellations/" + id + "/approve", dealer, "").status()).as("dealers do not approve").isEqualTo(403);
        Api.Response approved = api.post("/api/v1/cancellations/" + id + "/approve", admin, "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.json().get("approvedBy").asText()).isEqualTo("admin@provider");
        Api.Response twice = api.post("/api/v1/cancellations/" + id + "/approve", admin, "");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("currentStatus").asText()).isEqualTo("APPROVED");

        Api.Response future = api.post("/api/v1/cancellations/" + id + "/refund-paid", admin,
                "{\"method\":\"ACH\",\"reference\":\"ACH-1\",\"paidDate\":\"" + today.plusDays(3) + "\"}");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().at("/errors/0/field").asText()).isEqualTo("paidDate");
        Api.Response paid = api.post("/api/v1/cancellations/" + id + "/refund-paid", admin,
                "{\"method\":\"CHECK\",\"reference\":\"CHK 100231\",\"paidDate\":\"" + today + "\"}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        assertThat(paid.json().get("status").asText()).isEqualTo("REFUND_PAID");
        assertThat(paid.json().at("/payment/reference").asText()).isEqualTo("CHK 100231");
        assertThat(paid.json().at("/payment/paidLate").asBoolean()).isFalse();

        List<ConsumerRecord<String, String>> events = eventsFor(number, 5);
        assertThat(events).extracting(r -> header(r, "ce_type")).containsExactly(
                "com.fniexchange.cancellation.quoted.v1", "com.fniexchange.cancellation.requested.v1",
                "com.fniexchange.cancellation.quoted.v1", "com.fniexchange.cancellation.approved.v1",
                "com.fniexchange.cancellation.refund-paid.v1");
        for (ConsumerRecord<String, String> event : events) {
            assertThat(event.key()).isEqualTo(number);
            assertThat(header(event, "ce_source")).isEqualTo("/fni-exchange/cancellation-service");
            assertThat(EventSchemas.violations(EventType.parse(header(event, "ce_type")), read(event))).isEmpty();
        }
        JsonNode approvedEvent = read(events.get(3));
        assertThat(approvedEvent.get("cancellationId").asText()).isEqualTo(id);
        assertThat(approvedEvent.get("cancelDate").asText()).isEqualTo(today.minusDays(1).toString());
        assertThat(read(events.get(4)).get("paymentMethod").asText()).isEqualTo("CHECK");

        Api.Response list = api.get("/api/v1/cancellations?contractNumber=" + number, dealer);
        assertThat(list.json().get("items")).extracting(i -> i.get("cancellationId").asText()).containsExactly(id);
    }

    @Test
    void dealersSeeOnlyTheirOwnContractsAndCancellations() {
        String number = activeContract(Sale.vsc("TX", today.minusDays(60)));
        String other = DevJwt.dealer("D2002");
        assertThat(quote(number, today, 26_000, other).status()).isEqualTo(404);
        JsonNode q = quote(number, today, 26_000, dealer).json();
        String quoteId = q.get("quoteId").asText();
        assertThat(api.get("/api/v1/cancellations/quotes/" + quoteId, other).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/cancellations", other, "{\"quoteId\":\"" + quoteId + "\",\"reason\":\"CUSTOMER_REQUEST\"}").status())
                .isEqualTo(404);
        String id = api.post("/api/v1/cancellations", dealer, "{\"quoteId\":\"" + quoteId + "\",\"reason\":\"CUSTOMER_REQUEST\"}")
                .json().get("cancellationId").asText();

        Api.Response notTheirs = api.get("/api/v1/cancellations/" + id, other);
        assertThat(notTheirs.status()).isEqualTo(404);
        assertThat(notTheirs.body()).doesNotContain(number);
        assertThat(api.get("/api/v1/cancellations?contractNumber=" + number, other).json().get("items")).isEmpty();
        assertThat(api.get("/api/v1/cancellations?dealerCode=D1001", other).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/cancellations/" + id, admin).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/cancellations?dealerCode=D1001&status=REQUESTED&limit=200", admin).json().get("items"))
                .extracting(i -> i.get("cancellationId").asText()).contains(id);
    }

    @Test
    void aContractThatIsNotActiveCannotBeCancelled() {
        String number = activeContract(Sale.vsc("TX", today.minusDays(10)));
        Streams.publish("contract-events", new ContractVoided(ContractNumber.of(number), DealerCode.of("D1001"), "deal unwound",
                "dealer:D1001", Instant.now()), "contract-service");
        awaitStatus(number, "VOIDED");

        Api.Response refused = quote(number, today, 24_600, dealer);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("type").asText()).isEqualTo(PROBLEMS + "contract-not-active");
        assertThat(refused.json().get("contractStatus").asText()).isEqualTo("VOIDED");
    }

    @Test
    void badInputIsAProblemNamingEachField() {
        String number = activeContract(Sale.vsc("TX", today.minusDays(10)));

        Api.Response missing = api.post("/api/v1/cancellations/quotes", dealer,
                "{\"contractNumber\":\"" + number + "\",\"odometer\":-5,\"reason\":\"BORED\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("reason");

        Api.Response fields = api.post("/api/v1/cancellations/quotes", dealer,
                "{\"contractNumber\":\"" + number + "\",\"odometer\":-5,\"reason\":\"UNWIND\"}");
        assertThat(fields.status()).isEqualTo(400);
        assertThat(fields.json().get("errors")).extracting(e -> e.get("field").asText()).contains("cancelDate", "odometer");

        Api.Response beforeSale = quote(number, today.minusDays(11), 24_600, dealer);
        assertThat(beforeSale.json().at("/errors/0/field").asText()).isEqualTo("cancelDate");
        assertThat(beforeSale.json().at("/errors/0/message").asText()).contains("before the sale date");
        Api.Response future = quote(number, today.plusDays(1), 24_600, dealer);
        assertThat(future.json().at("/errors/0/message").asText()).isEqualTo("must not be in the future");
        Api.Response noOdometer = quote(number, today, null, dealer);
        assertThat(noOdometer.status()).isEqualTo(400);
        assertThat(noOdometer.json().at("/errors/0/field").asText()).isEqualTo("odometer");
        Api.Response lowOdometer = quote(number, today, 20_000, dealer);
        assertThat(lowOdometer.json().at("/errors/0/message").asText()).contains("24500");

        assertThat(api.post("/api/v1/cancellations", dealer, "{\"quoteId\":\"not-a-uuid\",\"reason\":\"UNWIND\"}").status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/cancellations/not-a-uuid", dealer).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/cancellations?cursor=xyz", dealer).json().at("/errors/0/field").asText()).isEqualTo("cursor");
        // a NUL in the filter used to reach PostgreSQL and answer 500
        for (String bad : List.of("VSC%0000000000", "VSC")) {
            Api.Response filter = api.get("/api/v1/cancellations?contractNumber=" + bad, dealer);
            assertThat(filter.status()).as(filter.body()).isEqualTo(400);
            assertThat(filter.json().at("/errors/0/field").asText()).isEqualTo("contractNumber");
        }
        assertThat(api.get("/api/v1/cancellations?contractNumber=" + number.toLowerCase(), dealer).status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM refund_quote WHERE contract_number = :n").param("n", number).query(Long.class).single())
                .as("nothing half-written").isZero();
    }

    @Test
    void claimsPaidFromClaimEventsAreDeductedAndAQuoteBeforeANewClaimIsOutdated() {
        String number = activeContract(Sale.vsc("TX", today.minusDays(100)));
        Streams.claimPaid(number, "300.00", "300.00");
        await().atMost(Duration.ofSeconds(20)).until(() -> quote(number, today, 30_000, DevJwt.providerAdmin())
                .json().get("claimsPaid").decimalValue().compareTo(new java.math.BigDecimal("300.00")) == 0);

        JsonNode q = quote(number, today, 30_000, dealer).json();
        assertThat(q.get("claimsDeducted").decimalValue()).isEqualByComparingTo("300.00");
        assertThat(q.get("refund").decimalValue()).isEqualByComparingTo(q.get("grossRefund").decimalValue()
                .subtract(new java.math.BigDecimal("300.00")).subtract(q.get("fee").decimalValue()));

        Streams.claimPaid(number, "150.00", "450.00");
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT max(contract_paid_to_date) FROM claim_payment WHERE contract_number = :n")
                .param("n", number).query(java.math.BigDecimal.class).single().compareTo(new java.math.BigDecimal("450.00")) == 0);
        Api.Response outdated = api.post("/api/v1/cancellations", dealer,
                "{\"quoteId\":\"" + q.get("quoteId").asText() + "\",\"reason\":\"CUSTOMER_REQUEST\"}");
        assertThat(outdated.status()).isEqualTo(422);
        assertThat(outdated.json().get("type").asText()).isEqualTo(PROBLEMS + "quote-outdated");

        Api.Response otherReason = api.post("/api/v1/cancellations", dealer,
                "{\"quoteId\":\"" + q.get("quoteId").asText() + "\",\"reason\":\"EARLY_PAYOFF\"}");
        assertThat(otherReason.json().get("type").asText()).isEqualTo(PROBLEMS + "reason-differs-from-quote");
    }

    @Test
    void aClaimPaidAfterTheRequestIsDeductedAtApprovalAndTheApprovedEventCarriesTheRecomputedRefund() {
        String number = activeContract(Sale.vsc("TX", today.minusDays(120)));
        JsonNode q = quote(number, today.minusDays(1), 31_000, dealer).json();
        assertThat(q.get("claimsDeducted").decimalValue()).isEqualByComparingTo("0.00");
        Api.Response requested = api.post("/api/v1/cancellations", dealer,
                "{\"quoteId\":\"" + q.get("quoteId").asText() + "\",\"reason\":\"CUSTOMER_REQUEST\"}");
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        String id = requested.json().get("cancellationId").asText();
        assertThat(requested.json().get("approvedRefund").isNull()).isTrue();

        Streams.claimPaid(number, "500.00", "500.00");
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT COALESCE(max(contract_paid_to_date), 0) FROM claim_payment "
                + "WHERE contract_number = :n").param("n", number).query(java.math.BigDecimal.class).single()
                .compareTo(new java.math.BigDecimal("500.00")) == 0);

        Api.Response approved = api.post("/api/v1/cancellations/" + id + "/approve", admin, "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        JsonNode a = approved.json().get("approvedRefund");
        java.math.BigDecimal gross = a.get("grossRefund").decimalValue();
        assertThat(a.get("basis").asText()).isEqualTo(q.get("basis").asText());
        assertThat(gross).isEqualByComparingTo(q.get("grossRefund").decimalValue());
        assertThat(a.get("claimsPaid").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(a.get("claimsDeducted").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(a.get("fee").decimalValue()).as("TX-VSC: flat $50 after the free look").isEqualByComparingTo("50.00");
        assertThat(a.get("refund").decimalValue()).as("gross - 500 - fee")
                .isEqualByComparingTo(gross.subtract(new java.math.BigDecimal("500.00")).subtract(new java.math.BigDecimal("50.00")));
        assertThat(a.get("refund").decimalValue()).isEqualByComparingTo(q.get("refund").decimalValue().subtract(new java.math.BigDecimal("500.00")));
        assertThat(a.get("refund").decimalValue()).as("components add up to the cent")
                .isEqualTo(gross.subtract(a.get("claimsDeducted").decimalValue()).subtract(a.get("fee").decimalValue()));
        assertThat(gross).isEqualTo(a.get("providerShare").decimalValue().add(a.get("dealerChargeback").decimalValue()));
        assertThat(a.get("recomputedAtApproval").asBoolean()).isTrue();
        assertThat(a.get("recomputedBecause").asText()).contains("0.00").contains("500.00");
        assertThat(approved.json().at("/quote/refund").decimalValue()).as("the quote keeps what was quoted")
                .isEqualByComparingTo(q.get("refund").decimalValue());

        JsonNode fetched = api.get("/api/v1/cancellations/" + id, dealer).json();
        assertThat(fetched.get("approvedRefund")).isEqualTo(a);
        assertThat(jdbc.sql("SELECT refund FROM cancellation_register WHERE cancellation_id = :id")
                .param("id", java.util.UUID.fromString(id)).query(java.math.BigDecimal.class).single())
                .isEqualByComparingTo(a.get("refund").decimalValue());

        List<ConsumerRecord<String, String>> events = eventsFor(number, 3);
        assertThat(events).extracting(r -> header(r, "ce_type")).containsExactly("com.fniexchange.cancellation.quoted.v1",
                "com.fniexchange.cancellation.requested.v1", "com.fniexchange.cancellation.approved.v1");
        JsonNode approvedEvent = read(events.get(2));
        assertThat(EventSchemas.violations(EventType.parse(header(events.get(2), "ce_type")), approvedEvent)).isEmpty();
        JsonNode quotedEvent = read(events.get(0));
        assertThat(quotedEvent.get("ruleCode").asText()).isEqualTo("TX-VSC");
        assertThat(quotedEvent.get("ruleVersion").asInt()).as("the version the approval recomputes under")
                .isEqualTo(q.at("/rule/version").asInt()).isEqualTo(1);
        assertThat(approvedEvent.get("refund").decimalValue()).isEqualByComparingTo(a.get("refund").decimalValue());
        assertThat(approvedEvent.get("dealerChargeback").decimalValue()).isEqualByComparingTo(a.get("dealerChargeback").decimalValue());
        assertThat(approvedEvent.get("claimsDeducted").decimalValue()).as("a partner can explain the refund that differs from its quote")
                .isEqualByComparingTo("500.00");
        assertThat(approvedEvent.get("recomputedAtApproval").asBoolean()).isTrue();

        Api.Response paid = api.post("/api/v1/cancellations/" + id + "/refund-paid", admin,
                "{\"method\":\"ACH\",\"reference\":\"ACH-9\",\"paidDate\":\"" + today + "\"}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        assertThat(read(eventsFor(number, 4).get(3)).get("refund").decimalValue()).isEqualByComparingTo(a.get("refund").decimalValue());
    }

    @Test
    void anApprovalWithNoNewClaimKeepsTheQuotedAmounts() {
        String number = activeContract(Sale.vsc("TX", today.minusDays(120)));
        JsonNode q = quote(number, today.minusDays(1), 31_000, dealer).json();
        String id = api.post("/api/v1/cancellations", dealer,
                "{\"quoteId\":\"" + q.get("quoteId").asText() + "\",\"reason\":\"CUSTOMER_REQUEST\"}").json().get("cancellationId").asText();
        JsonNode a = api.post("/api/v1/cancellations/" + id + "/approve", admin, "").json().get("approvedRefund");
        assertThat(a.get("recomputedAtApproval").asBoolean()).isFalse();
        assertThat(a.get("recomputedBecause").isNull()).isTrue();
        for (String amount : List.of("grossRefund", "claimsDeducted", "fee", "refund", "dealerChargeback", "providerShare")) {
            assertThat(a.get(amount).decimalValue()).as(amount).isEqualByComparingTo(q.get(amount).decimalValue());
        }
        List<ConsumerRecord<String, String>> events = eventsFor(number, 3);
        JsonNode approvedEvent = read(events.get(events.size() - 1));
        assertThat(header(events.get(events.size() - 1), "ce_type")).isEqualTo("com.fniexchange.cancellation.approved.v1");
        assertThat(approvedEvent.get("recomputedAtApproval").asBoolean()).isFalse();
        assertThat(approvedEvent.get("claimsDeducted").decimalValue()).isEqualByComparingTo(q.get("claimsDeducted").decimalValue());
    }

    @Test
    void aRedeliveredClaimPaymentIsCountedOnce() {
        String number = activeContract(Sale.vsc("TX", today.minusDays(100)));
        String body = """
                {"contractNumber":"%s","claimId":"%s","paidAmount":120.00,"contractPaidToDate":120.00,"paidDate":"%s","occurredAt":"%s"}
                """.formatted(number, java.util.UUID.randomUUID(), today, Instant.now());
        EventEnvelope envelope = new EventEnvelope(java.util.UUID.randomUUID(), EventType.of("claim", "paid", 1),
                "/fni-exchange/claims-service", number, Instant.now(), null, null);
        Streams.send("claim-events", number, envelope.toHeaders(), body.getBytes(StandardCharsets.UTF_8));
        Streams.send("claim-events", number, envelope.toHeaders(), body.getBytes(StandardCharsets.UTF_8));
        Streams.claimPaid(number, "10.00", "130.00"); // arrives after both copies on the same partition

        await().atMost(Duration.ofSeconds(20)).until(() -> rows(number) == 2);
        assertThat(jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = :id").param("id", envelope.id())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(quote(number, today, 30_000, dealer).json().get("claimsPaid").decimalValue()).isEqualByComparingTo("130.00");
    }

    long rows(String number) {
        return jdbc.sql("SELECT count(*) FROM claim_payment WHERE contract_number = :n").param("n", number).query(Long.class).single();
    }

    // --- stream helpers ---------------------------------------------------------------------------

    static synchronized List<ConsumerRecord<String, String>> eventsFor(String number, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (matching(number).size() < count && System.nanoTime() < deadline) {
            received.addAll(TestKafka.poll(partner, 1, Duration.ofMillis(500)));
        }
        received.addAll(TestKafka.poll(partner, Integer.MAX_VALUE, Duration.ofMillis(500)));
        return matching(number);
    }

    static List<ConsumerRecord<String, String>> matching(String number) {
        return received.stream().filter(r -> number.equals(r.key())).toList();
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    static JsonNode read(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

}
