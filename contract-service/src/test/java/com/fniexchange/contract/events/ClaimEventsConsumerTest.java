package com.fniexchange.contract.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fniexchange.contract.Api;
import com.fniexchange.contract.ContractServiceTest;
import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.DealerCode;
import com.fniexchange.model.event.EventEnvelope;
import com.fniexchange.model.event.EventJson;
import com.fniexchange.model.event.claim.ClaimEvent;
import com.fniexchange.model.event.claim.ClaimOpened;
import com.fniexchange.testsupport.DevJwt;
import com.fniexchange.testsupport.TestKafka;
import com.fniexchange.testsupport.TestVins;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * claim.opened.v1 on claim-events, as claims-service publishes it, counts a claim on the contract;
 * one on a contract already VOIDED (its void reached claims-service too late) is counted and raised
 * on {@code fni.contract.claims.on.voided}, which the FniClaimOnVoidedContract alert watches.
 */
@ContractServiceTest
class ClaimEventsConsumerTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;
    final String dealer = DevJwt.dealer("D1001");

    @Test
    void aClaimOnAVoidedContractIsCountedAndRaised() throws Exception {
        Api api = new Api(port);
        String active = contract(api);
        String voided = contract(api);
        assertThat(api.post("/api/v1/contracts/" + voided + "/void", dealer, "{\"reason\":\"deal unwound\"}").status()).isEqualTo(200);
        double before = onVoided();

        opened(active);
        await().atMost(Duration.ofSeconds(20)).until(() -> claimCount(active) == 1);
        assertThat(onVoided()).as("a claim on an active contract is no alarm").isEqualTo(before);

        opened(voided);
        await().atMost(Duration.ofSeconds(20)).until(() -> claimCount(voided) == 1);
        assertThat(onVoided()).isEqualTo(before + 1);
        assertThat(api.get("/actuator/prometheus", DevJwt.ops()).body()).contains("fni_contract_claims_on_voided_total");
    }

    private String contract(Api api) {
        String quoteId = api.post("/api/v1/rates", dealer, Api.rateRequest(TestVins.next(), "TX")).json().get("quoteId").asText();
        return api.post("/api/v1/contracts", dealer, Api.submission(quoteId, "VSC-60-75-100",
                "CLM-" + UUID.randomUUID().toString().substring(0, 8), "2195.00")).json().get("contractNumber").asText();
    }

    private void opened(String number) throws Exception {
        ClaimOpened event = new ClaimOpened(ContractNumber.of(number), UUID.randomUUID(), DealerCode.of("D1001"), DealerCode.of("D2002"),
                "RO-" + UUID.randomUUID().toString().substring(0, 6), LocalDate.now(), 30_000, Instant.now());
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), event.eventType(), "/fni-exchange/claims-service", number,
                event.occurredAt(), "corr-" + UUID.randomUUID(), null);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(ClaimEvent.DESTINATION, number,
                EventJson.write(event).getBytes(StandardCharsets.UTF_8));
        envelope.toHeaders().forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.brokers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(record).get();
        }
    }

    private int claimCount(String number) {
        return jdbc.sql("SELECT claim_count FROM contract WHERE contract_number = :n").param("n", number).query(Integer.class).single();
    }

    private double onVoided() {
        return meters.get("fni.contract.claims.on.voided").counter().count();
    }
}
