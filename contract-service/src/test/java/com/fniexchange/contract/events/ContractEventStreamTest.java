package com.fniexchange.contract.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fniexchange.contract.Api;
import com.fniexchange.contract.ContractServiceTest;
import com.fniexchange.contract.DealerPortalTest;
import com.fniexchange.model.event.EventSchemas;
import com.fniexchange.model.event.EventType;
import com.fniexchange.testsupport.DevJwt;
import com.fniexchange.testsupport.MonitoringRules;
import com.fniexchange.testsupport.TestVins;
import com.fniexchange.testsupport.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * End to end, as a partner sees it: REST in, events out on the real broker, keyed by contract
 * number, CloudEvents headers, bodies valid against the published schemas, in order.
 */
@ContractServiceTest
class ContractEventStreamTest extends DealerPortalTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static KafkaConsumer<String, String> partner;
    private static final List<ConsumerRecord<String, String>> received = new ArrayList<>();

    @Autowired
    MeterRegistry meters;

    @BeforeAll
    static void subscribe() {
        partner = TestKafka.consumer(TestKafka.brokers(), "contract-events");
    }

    @AfterAll
    static void close() {
        partner.close();
    }

    ContractEventStreamTest() {
        super("D1001");
    }

    @Test
    void quoteSubmitThenEventsArriveKeyedWithCloudEventsHeadersAndValidBodies() throws Exception {
        String vin = TestVins.next();
        Api.Response quote = api.post("/api/v1/rates", dealer, Api.rateRequest(vin, "TX"));
        assertThat(quote.status()).as(quote.body()).isEqualTo(201);
        String quoteId = quote.json().get("quoteId").asText();

        // a used car whose manufacturer's warranty has run out: the dealer says so (optional)
        Api.Response submitted = api.post("/api/v1/contracts", dealer,
                Api.submission(quoteId, "VSC-60-75-100", deal(), "2195.00").replace("\"financed\":true",
                        "\"manufacturerWarrantyInForce\":false,\"financed\":true"));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String number = submitted.json().get("contractNumber").asText();
        assertThat(submitted.json().get("status").asText()).isEqualTo("ACTIVE");
        assertThat(submitted.json().get("manufacturerWarrantyInForce").asBoolean(true)).isFalse();
        assertThat(api.get("/api/v1/contracts/" + number, dealer).json().get("manufacturerWarrantyInForce").asBoolean(true))
                .as("kept").isFalse();
        assertThat(submitted.header("Location")).isEqualTo("/api/v1/contracts/" + number);

        List<ConsumerRecord<String, String>> events = eventsFor(number, 2);
        assertThat(events).extracting(r -> header(r, "ce_type"))
                .containsExactly("com.fniexchange.contract.submitted.v1", "com.fniexchange.contract.activated.v1");
        for (ConsumerRecord<String, String> event : events) {
            assertThat(event.key()).isEqualTo(number);
            assertThat(header(event, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(event, "ce_source")).isEqualTo("/fni-exchange/contract-service");
            assertThat(header(event, "ce_subject")).isEqualTo(number);
            assertThat(UUID.fromString(header(event, "ce_id"))).isNotNull();
            assertThat(Instant.parse(header(event, "ce_time"))).isBefore(Instant.now().plusSeconds(1));
            assertThat(header(event, "ce_correlationid")).isNotBlank();
            assertThat(header(event, "content-type")).isEqualTo("application/json");
            assertThat(event.headers().lastHeader("spring_json_header_types")).as("no framework headers leak to partners").isNull();
            assertThat(event.headers().lastHeader("kafka_futureToken")).as("the relay's acknowledgement token stays inside").isNull();
            JsonNode body = JSON.readTree(event.value());
            assertThat(EventSchemas.violations(EventType.parse(header(event, "ce_type")), body)).isEmpty();
        }
        JsonNode body = JSON.readTree(events.get(0).value());
        assertThat(body.get("vin").asText()).isEqualTo(vin);
        assertThat(body.get("dealerCost").decimalValue()).isEqualByComparingTo("1100.00");
        assertThat(body.get("manufacturerWarrantyInForce").isBoolean()).as("what California's free look needs").isTrue();
        assertThat(body.get("manufacturerWarrantyInForce").asBoolean()).isFalse();
        assertThat(events.get(0).value()).contains("\"dealerCost\":1100.00").doesNotContain("Jane");
        assertThat(meters.get("fni.events.published").tag("type", "com.fniexchange.contract.submitted.v1")
                .tag("destination", "contract-events").counter().count()).isPositive();

        // the shipped alerts and dashboard (deploy/monitoring) query what this service really exposes
        String scrape = api.get("/actuator/prometheus", DevJwt.ops()).body();
        assertThat(MonitoringRules.shipped().missingFromScrapeOf("contract-service", scrape)).isEmpty();
    }

    @Test
    void contractPendingReviewThenApprovedPublishesOrderedEvents() throws Exception {
        String quoteId = api.post("/api/v1/rates", dealer, Api.rateRequest(TestVins.next(), "TX")).json().get("quoteId").asText();
        Api.Response submitted = api.post("/api/v1/contracts", dealer,
                Api.submission(quoteId, "VSC-60-75-100", deal(), "900.00"));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        assertThat(submitted.json().get("status").asText()).isEqualTo("PENDING_REVIEW");
        assertThat(submitted.json().get("reviewReasons").get(0).asText())
                .isEqualTo("customer price 900.00 is below the dealer cost 1100.00");
        String number = submitted.json().get("contractNumber").asText();

        Api.Response approved = api.post("/api/v1/contracts/" + number + "/approve", DevJwt.providerAdmin(), "{\"note\":\"checked with dealer\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asText()).isEqualTo("ACTIVE");
        assertThat(approved.json().get("history")).extracting(h -> h.get("to").asText())
                .containsExactly("SUBMITTED", "PENDING_REVIEW", "ACTIVE");

        List<ConsumerRecord<String, String>> events = eventsFor(number, 3);
        assertThat(events).extracting(r -> header(r, "ce_type")).containsExactly(
                "com.fniexchange.contract.submitted.v1",
                "com.fniexchange.contract.pending-review.v1",
                "com.fniexchange.contract.activated.v1");
        assertThat(events).extracting(ConsumerRecord::partition).containsOnly(events.get(0).partition());
        JsonNode activated = JSON.readTree(events.get(2).value());
        assertThat(activated.get("autoApproved").asBoolean()).isFalse();
        assertThat(activated.get("approvedBy").asText()).isEqualTo("admin@provider");
        for (ConsumerRecord<String, String> event : events) {
            assertThat(EventSchemas.violations(EventType.parse(header(event, "ce_type")), JSON.readTree(event.value()))).isEmpty();
        }

        Api.Response again = api.post("/api/v1/contracts/" + number + "/approve", DevJwt.providerAdmin(), "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asText()).isEqualTo("https://fniexchange.com/problems/invalid-state-transition");
        assertThat(again.json().get("currentStatus").asText()).isEqualTo("ACTIVE");
    }

    /** Polls until {@code count} events of this contract arrived, then a little longer to catch extras. */
    static synchronized List<ConsumerRecord<String, String>> eventsFor(String key, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (matching(key).size() < count && System.nanoTime() < deadline) {
            partner.poll(Duration.ofMillis(200)).forEach(received::add);
        }
        partner.poll(Duration.ofMillis(500)).forEach(received::add);
        List<ConsumerRecord<String, String>> events = matching(key);
        Set<String> ids = new HashSet<>();
        events.forEach(e -> assertThat(ids.add(header(e, "ce_id"))).as("event published once").isTrue());
        assertThat(events).hasSize(count);
        return events;
    }

    private static List<ConsumerRecord<String, String>> matching(String key) {
        return received.stream().filter(r -> key.equals(r.key())).toList();
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
