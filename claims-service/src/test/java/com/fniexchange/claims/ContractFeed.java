package com.fniexchange.claims;

import static org.awaitility.Awaitility.await;

import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.DealerCode;
import com.fniexchange.model.Money;
import com.fniexchange.model.ProductCode;
import com.fniexchange.model.Vin;
import com.fniexchange.model.event.EventEnvelope;
import com.fniexchange.model.event.EventJson;
import com.fniexchange.model.event.contract.ContractActivated;
import com.fniexchange.model.event.contract.ContractEvent;
import com.fniexchange.model.event.contract.ContractSubmitted;
import com.fniexchange.testsupport.TestKafka;
import com.fniexchange.testsupport.TestVins;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Publishes contract events on {@code contract-events} the way contract-service's relay does
 * (CloudEvents headers, keyed by contract number, body written by {@link EventJson}), so the
 * coverage projection is fed through the real broker and consumer.
 */
public final class ContractFeed {

    public static final DealerCode SELLING_DEALER = DealerCode.of("D1001");
    private static final KafkaProducer<String, String> PRODUCER = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.brokers(),
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));

    private final JdbcClient jdbc;

    public ContractFeed(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneId.of("America/New_York"));
    }

    /** Publishes the event with a fresh id; returns its envelope (to deliver it again). */
    public static EventEnvelope publish(ContractEvent event) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), event.eventType(), "/fni-exchange/contract-service",
                event.subject(), event.occurredAt(), null, null);
        deliver(envelope, event);
        return envelope;
    }

    /** Sends the event under this envelope: the same id again is a redelivery. */
    public static void deliver(EventEnvelope envelope, ContractEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(ContractEvent.DESTINATION, event.subject(), EventJson.write(event));
        envelope.toHeaders().forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        try {
            PRODUCER.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            throw new AssertionError(e);
        }
    }

    /** A VSC 60 months / 75,000 miles, $100 deductible, $15,000 limit of liability. */
    public static ContractSubmitted vsc(LocalDate saleDate, int odometerAtSale, Money limit) {
        Vin vin = Vin.of(TestVins.next());
        ContractNumber number = ContractNumber.issue(ContractNumber.base("VSC", vin), 1);
        return new ContractSubmitted(number, SELLING_DEALER, "DEAL-" + UUID.randomUUID().toString().substring(0, 8), ProductCode.VSC,
                "VSC-60-75-100", UUID.randomUUID(), vin, odometerAtSale, saleDate.minusYears(2), saleDate, 60, 75_000,
                Money.of("100.00"), Money.of("1100.00"), Money.of("2195.00"), true, "Ally Bank", "TX", "HONDA", limit,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    /** An ACTIVE VSC sold {@code daysAgo} days ago at 24,500 miles, in the projection when this returns. */
    public ContractSubmitted activeContract(int daysAgo) {
        return activeContract(vsc(today().minusDays(daysAgo), 24_500, Money.of("15000.00")));
    }

    public ContractSubmitted activeContract(ContractSubmitted submitted) {
        publish(submitted);
        publish(new ContractActivated(submitted.contractNumber(), submitted.dealerCode(), true, null, submitted.occurredAt()));
        awaitStatus(submitted.contractNumber(), "ACTIVE");
        return submitted;
    }

    public void awaitStatus(ContractNumber number, String status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> status.equals(status(number)));
    }

    public String status(ContractNumber number) {
        return jdbc.sql("SELECT status FROM contract_coverage WHERE contract_number = :n").param("n", number.value())
                .query(String.class).optional().orElse(null);
    }
}
