package com.fniexchange.contract.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fniexchange.contract.Api;
import com.fniexchange.contract.ContractServiceTest;
import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.DealerCode;
import com.fniexchange.model.Money;
import com.fniexchange.model.event.EventEnvelope;
import com.fniexchange.model.event.EventJson;
import com.fniexchange.model.event.EventSchemas;
import com.fniexchange.model.event.EventType;
import com.fniexchange.model.event.cancellation.CancellationApproved;
import com.fniexchange.model.event.cancellation.CancellationEvent;
import com.fniexchange.testsupport.DevJwt;
import com.fniexchange.testsupport.TestKafka;
import com.fniexchange.testsupport.TestVins;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * cancellation.approved.v1 on cancellation-events, as cancellation-service publishes it, cancels
 * an ACTIVE contract once and publishes contract.cancelled.v1; a redelivery or a repeat changes
 * nothing; an approval for a contract that is not ACTIVE is dead-lettered, never applied.
 */
@ContractServiceTest
class CancellationEventsConsumerTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static KafkaProducer<String, byte[]> producer;
    static KafkaConsumer<String, String> partner;
    static final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    @LocalServerPort
    int port;
    final String dealer = DevJwt.dealer("D1001");

    @BeforeAll
    static void clients() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.brokers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        partner = TestKafka.consumer(TestKafka.brokers(), "contract-events", "cancellation-events.dlq");
    }

    @AfterAll
    static void close() {
        producer.close();
        partner.close();
    }

    String activeContract(Api api) {
        String quoteId = api.post("/api/v1/rates", dealer, Api.rateRequest(TestVins.next(), "TX")).json().get("quoteId").asText();
        Api.Response submitted = api.post("/api/v1/contracts", dealer,
                Api.submission(quoteId, "VSC-60-75-100", "CXL-" + UUID.randomUUID().toString().substring(0, 8), "2195.00"));
        assertThat(submitted.json().get("status").asText()).isEqualTo("ACTIVE");
        return submitted.json().get("contractNumber").asText();
    }

    @Test
    void anApprovedCancellationCancelsTheContractOnceAndPublishesContractCancelled() throws Exception {
        Api api = new Api(port);
        String number = activeContract(api);
        UUID cancellationId = UUID.randomUUID();
        LocalDate cancelDate = Api.today();
        EventEnvelope envelope = send(approval(number, cancellationId, cancelDate));

        await().atMost(Duration.ofSeconds(20)).until(() -> "CANCELLED".equals(status(api, number)));
        JsonNode contract = api.get("/api/v1/contracts/" + number, dealer).json();
        JsonNode last = contract.get("history").get(contract.get("history").size() - 1);
        assertThat(last.get("from").asText()).isEqualTo("ACTIVE");
        assertThat(last.get("to").asText()).isEqualTo("CANCELLED");
        assertThat(last.get("actor").asText()).isEqualTo("admin@provider");
        assertThat(last.get("reason").asText()).contains("CUSTOMER_REQUEST", cancellationId.toString());

        ConsumerRecord<String, String> cancelled = await().atMost(Duration.ofSeconds(20))
                .until(() -> of(number, "com.fniexchange.contract.cancelled.v1"), l -> !l.isEmpty()).get(0);
        JsonNode body = JSON.readTree(cancelled.value());
        assertThat(body.get("cancellationId").asText()).isEqualTo(cancellationId.toString());
        assertThat(body.get("cancelDate").asText()).isEqualTo(cancelDate.toString());
        assertThat(EventSchemas.violations(EventType.parse("com.fniexchange.contract.cancelled.v1"), body)).isEmpty();
        assertThat(header(cancelled, "ce_correlationid")).as("carries the cause's correlation id").isEqualTo(envelope.correlationId());

        // redelivered (same ce_id) and repeated (a new ce_id): nothing changes, no second event
        send(envelope, approval(number, cancellationId, cancelDate));
        EventEnvelope repeat = send(approval(number, cancellationId, cancelDate));
        EventEnvelope marker = send(approval(activeContract(api), UUID.randomUUID(), cancelDate));
        await().atMost(Duration.ofSeconds(20)).until(() -> !of(marker.subject(), "com.fniexchange.contract.cancelled.v1").isEmpty());
        assertThat(repeat.id()).isNotEqualTo(envelope.id());
        assertThat(of(number, "com.fniexchange.contract.cancelled.v1")).hasSize(1);
        assertThat(api.get("/api/v1/contracts/" + number, dealer).json().get("history")).hasSize(contract.get("history").size());
    }

    @Test
    void anApprovalForAVoidedContractIsDeadLetteredAndTheContractStaysVoided() {
        Api api = new Api(port);
        String number = activeContract(api);
        assertThat(api.post("/api/v1/contracts/" + number + "/void", dealer, "{\"reason\":\"deal unwound\"}").status()).isEqualTo(200);

        EventEnvelope envelope = send(approval(number, UUID.randomUUID(), Api.today()));

        ConsumerRecord<String, String> dead = await().atMost(Duration.ofSeconds(30))
                .until(() -> of(number, "com.fniexchange.cancellation.approved.v1"), l -> !l.isEmpty()).get(0);
        assertThat(dead.topic()).isEqualTo("cancellation-events.dlq");
        assertThat(header(dead, "ce_id")).isEqualTo(envelope.id().toString());
        assertThat(header(dead, "x-fni-failure-reason")).contains(number, "VOIDED");
        assertThat(status(api, number)).isEqualTo("VOIDED");
    }

    static CancellationApproved approval(String number, UUID cancellationId, LocalDate cancelDate) {
        return new CancellationApproved(ContractNumber.of(number), DealerCode.of("D1001"), cancellationId, "CUSTOMER_REQUEST", cancelDate,
                Money.of("1900.00"), Money.of("900.00"), Money.ZERO, false, "LIENHOLDER", cancelDate.plusDays(45), "admin@provider",
                Instant.now());
    }

    static EventEnvelope send(CancellationApproved event) {
        return send(new EventEnvelope(UUID.randomUUID(), event.eventType(), "/fni-exchange/cancellation-service", event.subject(),
                event.occurredAt(), "corr-" + UUID.randomUUID(), null), event);
    }

    static EventEnvelope send(EventEnvelope envelope, CancellationApproved event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(CancellationEvent.DESTINATION, event.subject(),
                EventJson.write(event).getBytes(StandardCharsets.UTF_8));
        envelope.toHeaders().forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return envelope;
    }

    String status(Api api, String number) {
        return api.get("/api/v1/contracts/" + number, dealer).json().get("status").asText();
    }

    static synchronized List<ConsumerRecord<String, String>> of(String number, String type) {
        seen.addAll(TestKafka.poll(partner, Integer.MAX_VALUE, Duration.ofMillis(300)));
        return seen.stream().filter(r -> number.equals(r.key()) && type.equals(header(r, "ce_type"))).toList();
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
