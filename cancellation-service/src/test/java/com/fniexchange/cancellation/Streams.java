package com.fniexchange.cancellation;

import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.DealerCode;
import com.fniexchange.model.Money;
import com.fniexchange.model.ProductCode;
import com.fniexchange.model.Vin;
import com.fniexchange.model.event.DomainEvent;
import com.fniexchange.model.event.EventEnvelope;
import com.fniexchange.model.event.EventJson;
import com.fniexchange.model.event.EventType;
import com.fniexchange.model.event.contract.ContractActivated;
import com.fniexchange.model.event.contract.ContractSubmitted;
import com.fniexchange.testsupport.TestKafka;
import com.fniexchange.testsupport.TestVins;
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
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Publishes events on the JVM's broker the way contract-service and claims-service do (CloudEvents
 * headers, contract number as key), so the projection is fed exactly as in production.
 */
public final class Streams {

    private static KafkaProducer<String, byte[]> producer;

    private Streams() {
    }

    /** A contract as the projection needs it; {@link #activate} publishes it. */
    public record Sale(String state, ProductCode product, String plan, LocalDate saleDate, int termMonths, Integer termMiles,
                       int odometer, String dealerCost, String price, boolean financed, String dealer, Boolean manufacturerWarranty) {

        /** A sale whose vehicle's manufacturer's warranty the dealer did not state. */
        public Sale(String state, ProductCode product, String plan, LocalDate saleDate, int termMonths, Integer termMiles,
                    int odometer, String dealerCost, String price, boolean financed, String dealer) {
            this(state, product, plan, saleDate, termMonths, termMiles, odometer, dealerCost, price, financed, dealer, null);
        }

        public static Sale vsc(String state, LocalDate saleDate) {
            return new Sale(state, ProductCode.VSC, "VSC-60-75-100", saleDate, 60, 75_000, 24_500, "1100.00", "2195.00", true, "D1001");
        }

        public Sale dealer(String code) {
            return new Sale(state, product, plan, saleDate, termMonths, termMiles, odometer, dealerCost, price, financed, code,
                    manufacturerWarranty);
        }

        /** The same sale, the dealer stating whether the manufacturer's warranty is in force. */
        public Sale manufacturerWarranty(boolean inForce) {
            return new Sale(state, product, plan, saleDate, termMonths, termMiles, odometer, dealerCost, price, financed, dealer,
                    inForce);
        }
    }

    /** Publishes submitted + activated for a new contract; returns its number. */
    public static String activate(Sale sale) {
        String vin = TestVins.next();
        ContractNumber number = ContractNumber.of(sale.product().value() + vin.substring(9));
        Instant at = Instant.now();
        publish("contract-events", new ContractSubmitted(number, DealerCode.of(sale.dealer()), "DEAL-" + UUID.randomUUID().toString().substring(0, 8),
                sale.product(), sale.plan(), UUID.randomUUID(), Vin.of(vin), sale.odometer(), sale.saleDate().minusYears(1),
                sale.saleDate(), sale.termMonths(), sale.termMiles(), Money.of("100.00"), Money.of(sale.dealerCost()),
                Money.of(sale.price()), sale.financed(), sale.financed() ? "Ally Bank" : null, sale.state(), "HONDA", null,
                sale.manufacturerWarranty(), at), "contract-service");
        publish("contract-events", new ContractActivated(number, DealerCode.of(sale.dealer()), true, null, at), "contract-service");
        return number.value();
    }

    /** {@link #activate}, then waits until this service's projection holds the contract ACTIVE. */
    public static String activateAndProject(Sale sale, JdbcClient jdbc) {
        String number = activate(sale);
        awaitProjected(jdbc, number, "ACTIVE");
        return number;
    }

    /** Waits (20 s at most) until the projection holds the contract in this status. */
    public static void awaitProjected(JdbcClient jdbc, String number, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                        "SELECT status FROM contract_projection WHERE contract_number = :n")
                .param("n", number).query(String.class).optional().filter(status::equals).isPresent());
    }

    /** Publishes claims-service's claim.paid.v1 as its engineer described it, plus a field this service does not know. */
    public static UUID claimPaid(String contractNumber, String paidAmount, String contractPaidToDate) {
        UUID claimId = UUID.randomUUID();
        Instant at = Instant.now();
        String body = """
                {"contractNumber":"%s","claimId":"%s","paidAmount":%s,"contractPaidToDate":%s,"paidDate":"%s",
                 "repairOrderNumber":"RO-77812","occurredAt":"%s"}
                """.formatted(contractNumber, claimId, paidAmount, contractPaidToDate, LocalDate.now(), at);
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), EventType.of("claim", "paid", 1), "/fni-exchange/claims-service",
                contractNumber, at, "test-" + UUID.randomUUID(), null);
        send("claim-events", contractNumber, envelope.toHeaders(), body.getBytes(StandardCharsets.UTF_8));
        return claimId;
    }

    public static EventEnvelope publish(String topic, DomainEvent event, String service) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), event.eventType(), "/fni-exchange/" + service, event.subject(),
                event.occurredAt(), "test-" + UUID.randomUUID(), null);
        send(topic, event.subject(), envelope.toHeaders(), EventJson.write(event).getBytes(StandardCharsets.UTF_8));
        return envelope;
    }

    public static synchronized void send(String topic, String key, Map<String, String> headers, byte[] body) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.brokers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
            Runtime.getRuntime().addShutdownHook(new Thread(producer::close));
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, body);
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("test producer could not send to " + topic, e);
        }
    }
}
