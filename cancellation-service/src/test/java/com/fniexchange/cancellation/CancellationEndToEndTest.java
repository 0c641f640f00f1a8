package com.fniexchange.cancellation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fniexchange.claims.ClaimsServiceApplication;
import com.fniexchange.contract.ContractServiceApplication;
import com.fniexchange.model.event.EventSchemas;
import com.fniexchange.model.event.EventType;
import com.fniexchange.testsupport.DevJwt;
import com.fniexchange.testsupport.MonitoringRules;
import com.fniexchange.testsupport.TestInfrastructure;
import com.fniexchange.testsupport.TestKafka;
import com.fniexchange.testsupport.TestVins;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * End to end with the real contract-service and claims-service (their plain jars) running beside
 * this service in one JVM: one PostgreSQL database (schemas {@code contract}, {@code claims} and
 * {@code cancellation}), one embedded broker. A contract is rated, submitted and activated through
 * contract-service's API, quoted, cancelled and approved through this service's API;
 * contract-service then shows it CANCELLED and its {@code contract.cancelled.v1} is on
 * contract-events; claims-service's coverage projection has it cancelled from the cancel date, so
 * its API refuses a claim on a repair after that date and still accepts one on a repair before it.
 * The whole flow, from the rating to the refused claim, takes a few seconds.
 */
@CancellationServiceTest
class CancellationEndToEndTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static ConfigurableApplicationContext contractService;
    static ConfigurableApplicationContext claimsService;
    static Api contracts;
    static Api claims;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startContractAndClaimsServices() throws IOException {
        contractService = start(ContractServiceApplication.class,
                // cancellation-events approved by other test classes name contracts this
                // contract-service never issued: dead-letter them quickly, not after 5 tries
                "--fni.consumer.max-attempts=2",
                "--fni.consumer.backoff-initial=20ms",
                "--fni.consumer.backoff-max=50ms");
        contracts = new Api(contractService.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
        claimsService = start(ClaimsServiceApplication.class,
                // other test classes publish status events (voided) for contracts never submitted:
                // the coverage projection dead-letters those at once, so ours are not queued behind them
                "--fni.consumer.max-attempts=1");
        claims = new Api(claimsService.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }

    /** A service from its plain jar, with its own configuration, on this JVM's database and broker. */
    static ConfigurableApplicationContext start(Class<?> application, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("--spring.config.location=" + ownConfig(application).toUri(),
                "--server.port=0",
                "--fni.outbox.poll-interval=200ms",
                "--logging.structured.format.console="));
        all.addAll(List.of(args));
        return new SpringApplicationBuilder(application)
                .initializers(new TestInfrastructure())
                .profiles("test")
                .run(all.toArray(String[]::new));
    }

    @AfterAll
    static void stopContractAndClaimsServices() {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {claimsService, contractService}) {
            if (context != null) {
                context.close();
            }
        }
    }

    /**
     * A service's own application.yml, read from its jar: on this classpath the name
     * application.yml resolves to this service's file first.
     */
    static Path ownConfig(Class<?> application) throws IOException {
        URL jar = application.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader only = new URLClassLoader(new URL[] {jar}, null);
             InputStream in = only.getResourceAsStream("application.yml")) {
            assertThat(in).as("application.yml in %s", jar).isNotNull();
            Path file = Files.createTempFile(application.getSimpleName() + "-", ".yml");
            file.toFile().deleteOnExit();
            Files.write(file, in.readAllBytes());
            return file;
        }
    }

    @Test
    void anActivatedContractQuotedCancelledAndApprovedIsCancelledInContractServiceAndClaimsWithinSeconds() throws Exception {
        Api cancellations = new Api(port);
        String dealer = DevJwt.dealer("D1001");
        // customers travel: another dealer's service department files the claims
        String facility = DevJwt.dealer("D2002");
        String admin = DevJwt.providerAdmin();
        LocalDate today = Api.today();
        // sold 45 days ago: past claims-service's 30-day waiting period, so a repair before the cancel
        // date is covered; submitted late, so it is activated by the provider's review
        LocalDate sale = today.minusDays(45);
        LocalDate cancelDate = today.minusDays(5);
        try (KafkaConsumer<String, String> partner = TestKafka.consumer(TestKafka.brokers(), "contract-events", "cancellation-events")) {
            long flowStart = System.nanoTime();
            // 1. contract-service: rate, submit (late: pending review), approve; the contract is ACTIVE
            Api.Response rate = contracts.post("/api/v1/rates", dealer, """
                    {"vin":"%s","make":"Honda","modelYear":%d,"odometer":24500,"vehicleInServiceDate":"%s",
                     "saleDate":"%s","customerState":"TX"}
                    """.formatted(TestVins.next(), sale.getYear() - 2, sale.minusYears(2), sale));
            assertThat(rate.status()).as(rate.body()).isEqualTo(201);
            Api.Response submitted = contracts.post("/api/v1/contracts", dealer, """
                    {"quoteId":"%s","planCode":"VSC-60-75-100","dealNumber":"E2E-%s","customerPrice":2195.00,"financed":true,
                     "lienholder":"Ally Bank","customer":{"firstName":"Jane","lastName":"Doe"}}
                    """.formatted(rate.json().get("quoteId").asText(), UUID.randomUUID().toString().substring(0, 8)));
            assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
            String number = submitted.json().get("contractNumber").asText();
            assertThat(submitted.json().get("status").asText()).isEqualTo("PENDING_REVIEW");
            Api.Response activated = contracts.post("/api/v1/contracts/" + number + "/approve", admin, "{}");
            assertThat(activated.status()).as(activated.body()).isEqualTo(200);
            assertThat(activated.json().get("status").asText()).isEqualTo("ACTIVE");

            // 2. cancellation-service learns it from contract-events
            await().atMost(Duration.ofSeconds(20)).until(() -> "ACTIVE".equals(projectedStatus(number)));

            // 3. quote, request, approve
            Api.Response quote = cancellations.post("/api/v1/cancellations/quotes", dealer,
                    "{\"contractNumber\":\"" + number + "\",\"cancelDate\":\"" + cancelDate + "\",\"odometer\":26200,\"reason\":\"UNWIND\"}");
            assertThat(quote.status()).as(quote.body()).isEqualTo(201);
            // TX-VSC after its 31-day free look: lesser of time or miles; 1,700 of 75,000 miles used is more
            // than 40 of 1,826 days, so miles decide: 2195.00 x 73,300/75,000 = 2145.25, less the $50 fee
            assertThat(quote.json().get("rule").get("code").asText()).isEqualTo("TX-VSC");
            assertThat(quote.json().get("basis").asText()).isEqualTo("MILES");
            assertThat(quote.json().get("grossRefund").decimalValue()).isEqualByComparingTo("2145.25");
            assertThat(quote.json().get("refund").decimalValue()).isEqualByComparingTo("2095.25");
            Api.Response requested = cancellations.post("/api/v1/cancellations", dealer,
                    "{\"quoteId\":\"" + quote.json().get("quoteId").asText() + "\",\"reason\":\"UNWIND\"}");
            assertThat(requested.status()).as(requested.body()).isEqualTo(201);
            String cancellationId = requested.json().get("cancellationId").asText();
            assertThat(contract(number, dealer).get("status").asText()).as("still active until approved").isEqualTo("ACTIVE");

            long approvedAt = System.nanoTime();
            Api.Response approved = cancellations.post("/api/v1/cancellations/" + cancellationId + "/approve", admin, "");
            assertThat(approved.status()).as(approved.body()).isEqualTo(200);
            assertThat(jdbc.sql("SELECT make FROM cancellation_register WHERE cancellation_id = :id")
                    .param("id", UUID.fromString(cancellationId)).query(String.class).single())
                    .as("the make contract.submitted.v1 carried, which partners entitled by make are matched on")
                    .isEqualToIgnoringCase("Honda");

            // 4. contract-service shows CANCELLED, within a few seconds
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> "CANCELLED".equals(contract(number, dealer).get("status").asText()));
            Duration loop = Duration.ofNanos(System.nanoTime() - approvedAt);
            System.out.println("approve -> contract CANCELLED in contract-service: " + loop.toMillis() + " ms");
            assertThat(loop).as("approval to CANCELLED").isLessThan(Duration.ofSeconds(5));
            JsonNode history = contract(number, dealer).get("history");
            JsonNode last = history.get(history.size() - 1);
            assertThat(last.get("from").asText()).isEqualTo("ACTIVE");
            assertThat(last.get("reason").asText()).contains("UNWIND", cancelDate.toString(), cancellationId);
            assertThat(last.get("actor").asText()).isEqualTo("admin@provider");

            // ... and its event is on contract-events; this service's projection follows it
            ConsumerRecord<String, String> cancelled = await().atMost(Duration.ofSeconds(10))
                    .until(() -> eventsOf(partner, number, "com.fniexchange.contract.cancelled.v1"), l -> !l.isEmpty()).get(0);
            JsonNode body = JSON.readTree(cancelled.value());
            assertThat(cancelled.key()).isEqualTo(number);
            assertThat(body.get("cancellationId").asText()).isEqualTo(cancellationId);
            assertThat(body.get("cancelDate").asText()).isEqualTo(cancelDate.toString());
            assertThat(body.get("reason").asText()).isEqualTo("UNWIND");
            assertThat(EventSchemas.violations(EventType.parse("com.fniexchange.contract.cancelled.v1"), body)).isEmpty();
            await().atMost(Duration.ofSeconds(10)).until(() -> "CANCELLED".equals(projectedStatus(number)));

            // 5. claims-service's coverage projection has it cancelled from the cancel date (its API, as a facility sees it)
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> "CANCELLED".equals(coverage(number, facility).get("status").asText()));
            assertThat(coverage(number, facility).get("cancelDate").asText()).isEqualTo(cancelDate.toString());

            // ... so a claim on a repair after the cancel date is refused, naming the cancel date
            Api.Response refused = claims.post("/api/v1/claims", facility, claim(number, today.minusDays(2), 26_300));
            assertThat(refused.status()).as(refused.body()).isEqualTo(422);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            JsonNode problem = refused.json();
            assertThat(problem.get("type").asText()).endsWith("/contract-not-active");
            assertThat(problem.get("contractStatus").asText()).isEqualTo("CANCELLED");
            assertThat(problem.get("cancelDate").asText()).isEqualTo(cancelDate.toString());
            assertThat(problem.get("repairDate").asText()).isEqualTo(today.minusDays(2).toString());
            assertThat(problem.get("detail").asText()).contains(number, cancelDate.toString());
            long refusedAt = System.nanoTime();
            Duration flow = Duration.ofNanos(refusedAt - flowStart);
            Duration approvalToRefusal = Duration.ofNanos(refusedAt - approvedAt);

            // ... while one on a repair before the cancel date, on the same contract, is still accepted:
            // the refusal is about the date
            Api.Response accepted = claims.post("/api/v1/claims", facility, claim(number, cancelDate.minusDays(5), 26_000));
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
            assertThat(accepted.json().get("contractNumber").asText()).isEqualTo(number);
            System.out.println("rate -> activated -> quoted -> cancelled -> approved -> CANCELLED in contract-service"
                    + " -> claim refused by claims-service: " + flow.toMillis() + " ms (approval -> refused claim: "
                    + approvalToRefusal.toMillis() + " ms)");
            assertThat(flow).as("the whole flow, rating to refused claim").isLessThan(Duration.ofSeconds(10));

            // 6. replay-safe: the approval redelivered (same ce_id) and re-sent as a new event change nothing
            ConsumerRecord<String, String> approval = await().atMost(Duration.ofSeconds(10))
                    .until(() -> eventsOf(partner, number, "com.fniexchange.cancellation.approved.v1"), l -> !l.isEmpty()).get(0);
            Map<String, String> headers = headers(approval);
            Streams.send("cancellation-events", number, headers, approval.value().getBytes(StandardCharsets.UTF_8));
            headers.put("ce_id", UUID.randomUUID().toString());
            Streams.send("cancellation-events", number, headers, approval.value().getBytes(StandardCharsets.UTF_8));
            await().atMost(Duration.ofSeconds(10)).until(() -> contractServiceJdbc()
                    .sql("SELECT count(*) FROM processed_event WHERE event_id = :id").param("id", UUID.fromString(headers.get("ce_id")))
                    .query(Long.class).single() == 1);
            Thread.sleep(500); // a second cancelled event, if any, would be relayed by now
            assertThat(eventsOf(partner, number, "com.fniexchange.contract.cancelled.v1")).hasSize(1);
            assertThat(contract(number, dealer).get("history")).hasSize(history.size());

            // 7. a cancelled contract cannot be cancelled again
            Api.Response again = cancellations.post("/api/v1/cancellations/quotes", dealer,
                    "{\"contractNumber\":\"" + number + "\",\"cancelDate\":\"" + today + "\",\"odometer\":24800,\"reason\":\"UNWIND\"}");
            assertThat(again.status()).isEqualTo(422);
            assertThat(again.json().get("contractStatus").asText()).isEqualTo("CANCELLED");

            // 8. the shipped alerts and dashboard (deploy/monitoring) query what the consumers really expose
            MonitoringRules rules = MonitoringRules.shipped();
            String scrape = cancellations.get("/actuator/prometheus", DevJwt.ops()).body();
            assertThat(rules.missingFromScrapeOf("cancellation-service", scrape)).isEmpty();
            assertThat(rules.missingFrom(scrape, "fni_outbox_")).isEmpty();
            assertThat(rules.missingFrom(claims.get("/actuator/prometheus", DevJwt.ops()).body(),
                    "fni_events_consumed", "fni_outbox_", "http_server_requests")).isEmpty();
        }
    }

    String projectedStatus(String number) {
        return jdbc.sql("SELECT status FROM contract_projection WHERE contract_number = :n").param("n", number)
                .query(String.class).optional().orElse(null);
    }

    static JsonNode contract(String number, String token) {
        Api.Response r = contracts.get("/api/v1/contracts/" + number, token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static JsonNode coverage(String number, String token) {
        Api.Response r = claims.get("/api/v1/claims/coverage?contractNumber=" + number, token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json()).hasSize(1);
        return r.json().get(0);
    }

    static String claim(String number, LocalDate repairDate, int odometer) {
        return """
                {"contractNumber":"%s","repairOrderNumber":"RO-%s","repairDate":"%s","repairFacilityName":"Northside Honda Service",
                 "odometer":%d,"complaint":"Coolant leak at front of engine"}
                """.formatted(number, UUID.randomUUID().toString().substring(0, 8), repairDate, odometer);
    }

    static JdbcClient contractServiceJdbc() {
        return contractService.getBean(JdbcClient.class);
    }

    final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    List<ConsumerRecord<String, String>> eventsOf(KafkaConsumer<String, String> consumer, String number, String type) {
        seen.addAll(TestKafka.poll(consumer, Integer.MAX_VALUE, Duration.ofMillis(300)));
        return seen.stream().filter(r -> number.equals(r.key()) && type.equals(header(r, "ce_type"))).toList();
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    static Map<String, String> headers(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : record.headers()) {
            headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
