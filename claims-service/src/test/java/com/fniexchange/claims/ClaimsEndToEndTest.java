package com.fniexchange.claims;

import static com.fniexchange.claims.Claims.ADJUSTER;
import static com.fniexchange.claims.Claims.FACILITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fniexchange.contract.ContractServiceApplication;
import com.fniexchange.model.event.EventJson;
import com.fniexchange.model.event.EventSchemas;
import com.fniexchange.model.event.EventType;
import com.fniexchange.testsupport.DevJwt;
import com.fniexchange.testsupport.TestDatabase;
import com.fniexchange.testsupport.TestInfrastructure;
import com.fniexchange.testsupport.TestKafka;
import com.fniexchange.testsupport.TestVins;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The real contract-service and claims-service in one JVM (two Spring contexts, one database with
 * their two schemas, one broker): a contract submitted through contract-service's API reaches the
 * coverage projection over contract-events; a claim is opened, estimated, authorised, invoiced,
 * paid and closed; its events arrive on claim-events in order; contract-service counts the claim
 * from them and refuses to void the contract; a contract event delivered twice changes nothing.
 */
@ClaimsServiceTest
class ClaimsEndToEndTest {

    private static final String SELLER = DevJwt.dealer("D1001");
    private static ConfigurableApplicationContext contractService;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    /** contract-service's tables, read as the database admin: claims-service's own role may not (deploy/db/service-roles.sql). */
    final JdbcClient contractTables = JdbcClient.create(new DriverManagerDataSource(
            TestDatabase.get().url(), TestDatabase.get().user(), TestDatabase.get().password()));
    @Autowired
    MeterRegistry meters;

    @BeforeAll
    static void startContractService() throws IOException {
        contractService = new SpringApplicationBuilder(ContractServiceApplication.class)
                .initializers(new TestInfrastructure())
                .profiles("test")
                // arguments, not default properties: those lose to its application.yml (server.port: ${PORT:8081})
                .run(
                        // its own application.yml: the classpath's first one is claims-service's
                        "--spring.config.location=" + contractServiceConfig(),
                        "--server.port=0",
                        "--fni.outbox.poll-interval=200ms",
                        // a provider's longer void window: contract-service issues contracts with it, and claims-service
                        // learns it from contract.submitted.v1 (voidableUntil), not from a setting of its own
                        "--fni.contract.void-window-days=40",
                        // the other test classes' claims are on contracts only their fed events know: contract-service
                        // dead-letters those at the first failure instead of retrying each, so ours are not queued behind
                        "--fni.consumer.max-attempts=1",
                        "--logging.structured.format.console=");
    }

    @AfterAll
    static void stopContractService() {
        if (contractService != null) {
            contractService.close();
        }
    }

    private static String contractServiceConfig() throws IOException {
        for (URL url : Collections.list(ContractServiceApplication.class.getClassLoader().getResources("application.yml"))) {
            if (url.toString().contains("contract-service")) {
                return url.toString();
            }
        }
        throw new IllegalStateException("contract-service's application.yml is not on the test classpath");
    }

    @Test
    void aVoidAndAClaimSentAtOnceNeverBothSucceed() throws Exception {
        Http contracts = new Http(((WebServerApplicationContext) contractService).getWebServer().getPort());
        Http claims = new Http(port);
        // on the last voidable day: every claim is refused, the void goes through
        String voidable = issuedAndProjected(contracts, ContractFeed.today().minusDays(40));
        // a day after the window and a day later: the void is refused, the claim goes through
        String claimable = issuedAndProjected(contracts, ContractFeed.today().minusDays(42));
        ExecutorService callers = Executors.newFixedThreadPool(6);
        try {
            List<Future<Http.Response>> voids = new ArrayList<>();
            List<Future<Http.Response>> opens = new ArrayList<>();
            for (String number : List.of(voidable, claimable)) {
                voids.add(callers.submit(() -> contracts.post("/api/v1/contracts/" + number + "/void", SELLER, "{\"reason\":\"deal unwound\"}")));
                for (int i = 0; i < 2; i++) {
                    opens.add(callers.submit(() -> claims.post("/api/v1/claims", FACILITY, Claims.open(number, ContractFeed.today(), 27_000))));
                }
            }
            assertThat(voids.get(0).get().status()).as(voids.get(0).get().body()).isEqualTo(200);
            // refused for the window, or, when the void's event came first, because the contract is VOIDED
            for (Future<Http.Response> open : opens.subList(0, 2)) {
                assertThat(open.get().status()).as(open.get().body()).isEqualTo(422);
                assertThat(open.get().problemType()).isIn("contract-still-voidable", "contract-not-active");
            }
            Http.Response late = claims.post("/api/v1/claims", FACILITY, Claims.open(voidable, ContractFeed.today(), 27_000));
            assertThat(late.status()).isEqualTo(422);
            assertThat(voids.get(1).get().status()).isEqualTo(422);
            assertThat(voids.get(1).get().problemType()).isEqualTo("void-window-closed");
            assertThat(opens.get(2).get().status()).as(opens.get(2).get().body()).isEqualTo(201);
            assertThat(opens.get(3).get().status()).as(opens.get(3).get().body()).isEqualTo(201);
        } finally {
            callers.shutdown();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM claim WHERE contract_number = :n").param("n", voidable).query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM claim WHERE contract_number = :n").param("n", claimable).query(Long.class).single())
                .isEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> "VOIDED".equals(jdbc.sql(
                "SELECT status FROM contract_coverage WHERE contract_number = :n").param("n", voidable).query(String.class).single()));
    }

    /** A contract issued through contract-service's API (rated, submitted, approved when late), once claims-service projected it ACTIVE. */
    private String issuedAndProjected(Http contracts, LocalDate sale) {
        String vin = TestVins.next();
        Http.Response rated = contracts.post("/api/v1/rates", SELLER, """
                {"vin":"%s","make":"Honda","modelYear":%d,"odometer":24500,"vehicleInServiceDate":"%s","saleDate":"%s",
                 "customerState":"TX"}""".formatted(vin, sale.getYear() - 2, sale.minusYears(2), sale));
        assertThat(rated.status()).as(rated.body()).isEqualTo(201);
        Http.Response submitted = contracts.post("/api/v1/contracts", SELLER, """
                {"quoteId":"%s","planCode":"VSC-60-75-100","dealNumber":"E2E-%s","customerPrice":2195.00,"financed":true,
                 "lienholder":"Ally Bank","customer":{"firstName":"Jane","lastName":"Doe"}}"""
                .formatted(rated.json().get("quoteId").asText(), UUID.randomUUID().toString().substring(0, 8)));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String number = submitted.json().get("contractNumber").asText();
        assertThat(submitted.json().get("voidableUntil").asText()).isEqualTo(sale.plusDays(40).toString());
        assertThat(submitted.json().get("limitOfLiability").decimalValue()).isEqualByComparingTo("15000.00");
        if (submitted.json().get("status").asText().equals("PENDING_REVIEW")) {
            assertThat(contracts.post("/api/v1/contracts/" + number + "/approve", DevJwt.providerAdmin(), "{}").status()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "ACTIVE".equals(jdbc.sql(
                "SELECT status FROM contract_coverage WHERE contract_number = :n").param("n", number).query(String.class).optional().orElse(null)));
        return number;
    }

    @Test
    void aContractSoldThroughContractServiceIsClaimedPaidAndThenCannotBeVoided() {
        Http contracts = new Http(((WebServerApplicationContext) contractService).getWebServer().getPort());
        Http claims = new Http(port);
        String admin = DevJwt.providerAdmin();

        // a contract through contract-service's real API: rated, submitted (late: pending review), approved;
        // sold before its 40-day void window and the day after it, so claims are opened on it
        String number = issuedAndProjected(contracts, ContractFeed.today().minusDays(50));
        assertThat(contracts.get("/api/v1/contracts/" + number, admin).json().get("history").findValuesAsText("to"))
                .containsExactly("SUBMITTED", "PENDING_REVIEW", "ACTIVE");
        Map<String, Object> coverage = jdbc.sql("SELECT * FROM contract_coverage WHERE contract_number = :n").param("n", number).query().singleRow();
        assertThat(coverage).containsEntry("make", "HONDA").containsEntry("dealer_code", "D1001").containsEntry("odometer_at_sale", 24500);

        // the claim: opened, auto-authorised on its estimate, invoiced, paid, closed
        Http.Response opened = claims.post("/api/v1/claims", FACILITY, Claims.open(number, ContractFeed.today(), 27_000));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String id = opened.json().get("claimId").asText();
        JsonNode estimate = claims.post("/api/v1/claims/" + id + "/estimate", FACILITY, Claims.lines("412.35")).json();
        assertThat(estimate.get("status").asText()).isEqualTo("AUTHORIZED");
        String authorization = estimate.get("authorization").get("authorizationNumber").asText();
        assertThat(claims.post("/api/v1/claims/" + id + "/invoice", FACILITY, Claims.lines("412.35")).status()).isEqualTo(200);
        JsonNode paid = claims.post("/api/v1/claims/" + id + "/pay", ADJUSTER, "{}").json();
        assertThat(paid.get("payment").get("paidAmount").decimalValue()).isEqualByComparingTo("755.35");
        assertThat(claims.post("/api/v1/claims/" + id + "/close", ADJUSTER, "{}").status()).isEqualTo(200);

        // its events, in order, keyed by the contract number, each valid against its schema
        List<ConsumerRecord<String, String>> ours;
        try (KafkaConsumer<String, String> partner = TestKafka.consumer(TestKafka.brokers(), "claim-events")) {
            ours = recordsOf(partner, number, 5);
            assertThat(ours).extracting(r -> header(r, "ce_type")).containsExactly("com.fniexchange.claim.opened.v1",
                    "com.fniexchange.claim.estimate-submitted.v1", "com.fniexchange.claim.authorized.v1",
                    "com.fniexchange.claim.paid.v1", "com.fniexchange.claim.closed.v1");
            for (ConsumerRecord<String, String> r : ours) {
                assertThat(header(r, "ce_subject")).isEqualTo(number);
                assertThat(EventSchemas.violations(EventType.parse(header(r, "ce_type")),
                        EventJson.tree(r.value().getBytes(StandardCharsets.UTF_8)))).isEmpty();
            }
            JsonNode authorized = EventJson.tree(ours.get(2).value().getBytes(StandardCharsets.UTF_8));
            assertThat(authorized.get("authorizationNumber").asText()).isEqualTo(authorization);
            JsonNode paidEvent = EventJson.tree(ours.get(3).value().getBytes(StandardCharsets.UTF_8));
            assertThat(paidEvent.get("paidAmount").decimalValue()).isEqualByComparingTo("755.35");
            assertThat(paidEvent.get("contractPaidToDate").decimalValue()).isEqualByComparingTo("755.35");
            assertThat(paidEvent.get("claimId").asText()).isEqualTo(id);
        }

        // contract-service kept the count and the paid to date from claim-events; the void is refused, its window
        // having closed before any claim could be opened (contract-has-claims, the count's refusal, is ContractRulesTest's)
        await().atMost(Duration.ofSeconds(30)).until(() -> contractTables.sql(
                "SELECT claim_count FROM contract.contract WHERE contract_number = :n").param("n", number).query(Integer.class).single() == 1);
        Http.Response refused = contracts.post("/api/v1/contracts/" + number + "/void", SELLER, "{\"reason\":\"deal unwound\"}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.problemType()).isEqualTo("void-window-closed");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(contractTables.sql(
                        "SELECT claims_paid_to_date FROM contract.contract WHERE contract_number = :n").param("n", number)
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("755.35"));

        // the same contract events delivered twice: counted as duplicates, nothing changes
        Map<String, Object> before = jdbc.sql("SELECT * FROM contract_coverage WHERE contract_number = :n").param("n", number).query().singleRow();
        double duplicatesBefore = duplicates();
        List<ConsumerRecord<String, String>> contractEvents;
        try (KafkaConsumer<String, String> reader = TestKafka.consumer(TestKafka.brokers(), "contract-events")) {
            // submitted, pending-review, activated
            contractEvents = recordsOf(reader, number, 3);
        }
        redeliver("contract-events", contractEvents);
        await().atMost(Duration.ofSeconds(20)).until(() -> duplicates() >= duplicatesBefore + contractEvents.size());
        Map<String, Object> after = jdbc.sql("SELECT * FROM contract_coverage WHERE contract_number = :n").param("n", number).query().singleRow();
        assertThat(after).isEqualTo(before);

        // and a claim event delivered twice is counted once by contract-service
        MeterRegistry contractMeters = contractService.getBean(MeterRegistry.class);
        redeliver("claim-events", List.of(ours.get(0)));
        await().atMost(Duration.ofSeconds(20)).until(() -> contractMeters.find("fni.inbox.duplicates")
                .tag("consumer", "contract-claim-tally").counters().stream().mapToDouble(c -> c.count()).sum() >= 1);
        assertThat(contractTables.sql("SELECT claim_count FROM contract.contract WHERE contract_number = :n").param("n", number)
                .query(Integer.class).single()).isEqualTo(1);
    }

    /** Everything keyed by this contract number, reading until at least this many came (or 30 s passed). */
    private static List<ConsumerRecord<String, String>> recordsOf(KafkaConsumer<String, String> consumer, String key, int atLeast) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (records.size() < atLeast && System.nanoTime() < deadline) {
            TestKafka.poll(consumer, 1, Duration.ofMillis(500)).stream().filter(r -> key.equals(r.key())).forEach(records::add);
        }
        return records;
    }

    /** Sends these records again exactly as they were (same key, body and headers: same ce_id). */
    private static void redeliver(String topic, List<ConsumerRecord<String, String>> records) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.brokers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            for (ConsumerRecord<String, String> r : records) {
                ProducerRecord<String, String> again = new ProducerRecord<>(topic, r.key(), r.value());
                for (Header h : r.headers()) {
                    again.headers().add(h.key(), h.value());
                }
                producer.send(again);
            }
        }
    }

    private double duplicates() {
        return meters.find("fni.inbox.duplicates").tag("consumer", "claims-coverage").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
