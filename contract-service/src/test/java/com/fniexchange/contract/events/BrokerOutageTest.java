package com.fniexchange.contract.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fniexchange.contract.Api;
import com.fniexchange.contract.ContractServiceTest;
import com.fniexchange.testsupport.DevJwt;
import com.fniexchange.testsupport.TestVins;
import com.fniexchange.testsupport.TestInfrastructure;
import com.fniexchange.testsupport.TestKafka;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The broker is down while dealers submit: they still get 201, the outbox backlog grows and is
 * visible in the metrics; when the broker comes back every event is delivered once, in order
 * per contract.
 */
@ContractServiceTest
@TestPropertySource(properties = {
        TestInfrastructure.KAFKA_BROKERS + "=127.0.0.1:${fni.test.outage-broker-port}",
        TestInfrastructure.ISOLATED_DATABASE + "=true"})
@DirtiesContext
class BrokerOutageTest {

    static final int PORT = freePort();
    static EmbeddedKafkaKraftBroker broker;

    static {
        System.setProperty("fni.test.outage-broker-port", String.valueOf(PORT));
    }

    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry meters;
    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void submissionsSucceedWhileTheBrokerIsDownAndEveryEventIsDeliveredOnceInOrderAfterwards() {
        Api api = new Api(port);
        String dealer = DevJwt.dealer("D4004");
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String quoteId = api.post("/api/v1/rates", dealer, Api.rateRequest(TestVins.next(), "TX")).json().get("quoteId").asText();
            // every other one goes to review, so some contracts have three events
            String price = i % 2 == 0 ? "2195.00" : "900.00";
            Api.Response r = api.post("/api/v1/contracts", dealer, Api.submission(quoteId, "VSC-60-75-100", "OUT-" + UUID.randomUUID().toString().substring(0, 8), price));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            numbers.add(r.json().get("contractNumber").asText());
        }
        for (int i = 1; i < numbers.size(); i += 2) {
            assertThat(api.post("/api/v1/contracts/" + numbers.get(i) + "/approve", DevJwt.providerAdmin(), "{}").status()).isEqualTo(200);
        }
        int expected = 6 * 2 + 3;

        long waitStart = System.nanoTime();
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            assertThat(meters.get("fni.outbox.pending").gauge().value()).isGreaterThanOrEqualTo(expected);
            assertThat(meters.get("fni.outbox.publish.failures").counter().count()).isGreaterThan(0);
        });
        System.out.printf("first failed send seen after %d ms%n", (System.nanoTime() - waitStart) / 1_000_000);
        Api.Response scrape = api.get("/actuator/prometheus", DevJwt.ops());
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body()).contains("fni_outbox_pending").contains("fni_outbox_oldest_age_seconds");
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_event WHERE last_error IS NOT NULL").query(Long.class).single()).isPositive();
        assertNoChainParked();

        broker = TestKafka.start(PORT);

        Map<String, List<String>> expectedOrder = new HashMap<>();
        jdbc.sql("SELECT aggregate_id, event_id FROM outbox_event WHERE aggregate_id IN (:numbers) ORDER BY id")
                .param("numbers", numbers)
                .query((rs, n) -> expectedOrder.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)))
                .list();

        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> partner = TestKafka.consumer(broker.getBrokersAsString(), "contract-events")) {
            received.addAll(TestKafka.poll(partner, expected, Duration.ofSeconds(60)));
            received.addAll(TestKafka.poll(partner, Integer.MAX_VALUE, Duration.ofSeconds(2)));
        }
        Set<String> ids = new HashSet<>();
        Map<String, List<String>> actualOrder = new HashMap<>();
        for (ConsumerRecord<String, String> r : received) {
            String id = new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
            assertThat(ids.add(id)).as("event %s delivered once", id).isTrue();
            actualOrder.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(id);
        }
        assertThat(received).hasSize(expected);
        assertThat(actualOrder).isEqualTo(expectedOrder);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(meters.get("fni.outbox.pending").gauge().value()).isZero());
        assertNoChainParked();
    }

    /** An outage is not the event's fault: it must never park a chain. */
    private void assertNoChainParked() {
        assertThat(jdbc.sql("SELECT aggregate_id FROM outbox_event WHERE parked_at IS NOT NULL").query(String.class).list())
                .as("parked chains").isEmpty();
        assertThat(meters.get("fni.outbox.parked").gauge().value()).isZero();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
