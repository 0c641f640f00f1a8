package com.fniexchange.examples.subscriber;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The subscriber against a real broker (embedded KRaft, one for this class). Every test uses
 * topics and a consumer group of its own, so a new group's "from the oldest event" sees only
 * that test's events.
 */
class PartnerSubscriberTest {

    private static final int PARTITIONS = 3;
    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final String SUBMITTED = "com.fniexchange.contract.submitted.v1";
    private static final String ACTIVATED = "com.fniexchange.contract.activated.v1";
    private static final String VOIDED = "com.fniexchange.contract.voided.v1";

    private static EmbeddedKafkaKraftBroker broker;
    private static Admin admin;
    private static KafkaProducer<String, String> producer;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
        broker.afterPropertiesSet();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    @AfterAll
    static void stopBroker() {
        if (producer != null) {
            producer.close();
        }
        if (admin != null) {
            admin.close();
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void deliversEachEventOnceWithItsHeaders() throws Exception {
        String contracts = newTopic("contract-events");
        String claims = newTopic("claim-events");
        ReceivedEvent submitted = publish(contracts, id(), SUBMITTED, "VSC3A004352");
        ReceivedEvent activated = publish(contracts, id(), ACTIVATED, "VSC3A004352");
        ReceivedEvent claim = publish(claims, id(), "com.fniexchange.claim.submitted.v1", "GAP1B998877");
        String group = group();

        List<ReceivedEvent> received = new ArrayList<>();
        int delivered;
        try (PartnerSubscriber subscriber = subscriber(group, List.of(contracts, claims), received)) {
            delivered = pollUntil(subscriber, () -> received.size() >= 3);
            for (int i = 0; i < 3; i++) {
                delivered += subscriber.pollOnce(Duration.ofMillis(200));    // nothing more comes
            }
            assertThat(subscriber.duplicates()).isZero();
        }

        assertThat(received).containsExactlyInAnyOrder(submitted, activated, claim);
        assertThat(delivered).as("pollOnce's count").isEqualTo(3);
        assertThat(received.indexOf(submitted)).as("one contract's events in order")
                .isLessThan(received.indexOf(activated));
        assertThat(committed(group)).as("offsets committed past all three").isEqualTo(3);
    }

    @Test
    void theSameIdTwiceIsDeliveredOnceAndCountedAsADuplicate() throws Exception {
        String topic = newTopic("contract-events");
        String id = id();
        ReceivedEvent voided = publish(topic, id, VOIDED, "VSC3A004352");
        publish(topic, id, VOIDED, "VSC3A004352");     // the platform's retried send: same ce_id, new offset
        ReceivedEvent next = publish(topic, id(), SUBMITTED, "VSC3A004352-02");
        String group = group();

        List<ReceivedEvent> received = new ArrayList<>();
        try (PartnerSubscriber subscriber = subscriber(group, List.of(topic), received)) {
            pollUntil(subscriber, () -> received.size() >= 2 && subscriber.duplicates() >= 1);

            assertThat(subscriber.duplicates()).isEqualTo(1);
        }
        assertThat(received).containsExactlyInAnyOrder(voided, next);
        assertThat(committed(group)).as("the duplicate is committed past too").isEqualTo(3);
    }

    @Test
    void afterARestartDeliversWhatCameInBetweenAndNothingAgain() throws Exception {
        String topic = newTopic("contract-events");
        String group = group();
        ReceivedEvent first = publish(topic, id(), SUBMITTED, "VSC3A004352");
        ReceivedEvent second = publish(topic, id(), SUBMITTED, "GAP1B998877");

        List<ReceivedEvent> beforeRestart = new ArrayList<>();
        try (PartnerSubscriber subscriber = subscriber(group, List.of(topic), beforeRestart)) {
            pollUntil(subscriber, () -> beforeRestart.size() >= 2);
        }
        assertThat(beforeRestart).containsExactlyInAnyOrder(first, second);
        assertThat(committed(group)).isEqualTo(2);

        ReceivedEvent whileStopped = publish(topic, id(), ACTIVATED, "VSC3A004352");
        // as if the commit of the last batch had been lost: the stream offers `second` again
        publish(topic, second.ceId(), second.ceType(), second.ceSubject());

        List<ReceivedEvent> afterRestart = new ArrayList<>();
        try (PartnerSubscriber subscriber = subscriber(group, List.of(topic), afterRestart)) {
            pollUntil(subscriber, () -> !afterRestart.isEmpty() && subscriber.duplicates() >= 1);

            assertThat(subscriber.duplicates()).as("the offered-again event, suppressed by the ids on disk").isEqualTo(1);
        }
        assertThat(afterRestart).containsExactly(whileStopped);
        assertThat(committed(group)).isEqualTo(4);
    }

    @Test
    void withNoCommittedOffsetsAtAllTheIdsOnDiskStillSuppressEverythingSeen() throws Exception {
        String topic = newTopic("contract-events");
        ReceivedEvent first = publish(topic, id(), SUBMITTED, "VSC3A004352");
        ReceivedEvent second = publish(topic, id(), ACTIVATED, "VSC3A004352");

        List<ReceivedEvent> beforeRestart = new ArrayList<>();
        try (PartnerSubscriber subscriber = subscriber(group(), List.of(topic), beforeRestart)) {
            pollUntil(subscriber, () -> beforeRestart.size() >= 2);
        }
        assertThat(beforeRestart).containsExactly(first, second);

        ReceivedEvent whileStopped = publish(topic, id(), VOIDED, "VSC3A004352");

        // a group without committed offsets reads the stream from the oldest event: every earlier event comes again
        List<ReceivedEvent> afterRestart = new ArrayList<>();
        try (PartnerSubscriber subscriber = subscriber(group(), List.of(topic), afterRestart)) {
            pollUntil(subscriber, () -> !afterRestart.isEmpty() && subscriber.duplicates() >= 2);

            assertThat(subscriber.duplicates()).isEqualTo(2);
        }
        assertThat(afterRestart).containsExactly(whileStopped);
    }

    @Test
    void amqpEncodedHeadersFromEventHubsAreDecoded() throws Exception {
        String topic = newTopic("contract-events");
        // as through Event Hubs' Kafka endpoint: no record key, AMQP strings as header values.
        // One partition for all three, so the AMQP-encoded event is read before its plain copy.
        ReceivedEvent str8 = publish(topic, 0, null, id(), SUBMITTED, "VSC3A004352", ReceivedEventTest::amqpStr8);
        ReceivedEvent str32 = publish(topic, 0, null, id(), ACTIVATED, "VSC3A004352", ReceivedEventTest::amqpStr32);
        // the first once more, written as plain UTF-8: the same ce_id either way
        publish(topic, 0, "VSC3A004352", str8.ceId(), SUBMITTED, "VSC3A004352", PartnerSubscriberTest::utf8);

        List<ReceivedEvent> received = new ArrayList<>();
        try (PartnerSubscriber subscriber = subscriber(group(), List.of(topic), received)) {
            pollUntil(subscriber, () -> received.size() >= 2 && subscriber.duplicates() >= 1);

            assertThat(subscriber.duplicates()).isEqualTo(1);
        }
        assertThat(received).containsExactlyInAnyOrder(str8, str32);
        assertThat(received).extracting(ReceivedEvent::line).allSatisfy(line -> assertThat(line)
                .contains("VSC3A004352", "com.fniexchange.contract.")
                .doesNotContain("\uFFFD"));
    }

    @Test
    void aFailingSinkIsOfferedTheEventAgainAndNothingAfterItIsSkipped() throws Exception {
        String topic = newTopic("contract-events");
        ReceivedEvent submitted = publish(topic, id(), SUBMITTED, "VSC3A004352");
        ReceivedEvent activated = publish(topic, id(), ACTIVATED, "VSC3A004352");
        ReceivedEvent voided = publish(topic, id(), VOIDED, "VSC3A004352");

        List<ReceivedEvent> received = new ArrayList<>();
        boolean[] failNext = {true};
        RuntimeException sinkDown = new IllegalStateException("sink down");
        try (PartnerSubscriber subscriber = new PartnerSubscriber(config(group()), List.of(topic), stateDir, event -> {
            if (event.equals(activated) && failNext[0]) {
                failNext[0] = false;
                throw sinkDown;
            }
            received.add(event);
        })) {
            RuntimeException failure = null;
            long deadline = System.nanoTime() + WITHIN.toNanos();
            while (failure == null && System.nanoTime() < deadline) {
                try {
                    subscriber.pollOnce(Duration.ofMillis(200));
                } catch (IllegalStateException e) {
                    failure = e;
                }
            }
            assertThat(failure).isSameAs(sinkDown);

            pollUntil(subscriber, () -> received.size() >= 3);
            assertThat(subscriber.duplicates()).isZero();
        }
        assertThat(received).containsExactly(submitted, activated, voided);
    }

    @Test
    void environmentThenPropertiesFile() throws Exception {
        assertThat(PartnerSubscriber.consumerConfig(Map.of())).isEqualTo(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092",
                ConsumerConfig.GROUP_ID_CONFIG, "partner-example"));

        Path file = stateDir.resolve("event-hubs.properties");
        Files.writeString(file, """
                bootstrap.servers=fni.servicebus.windows.net:9093
                security.protocol=SASL_SSL
                sasl.mechanism=PLAIN
                """, StandardCharsets.UTF_8);
        Map<String, Object> config = PartnerSubscriber.consumerConfig(Map.of(
                "FNI_KAFKA_BROKERS", "10.0.0.5:9092", "PARTNER_GROUP", "acme-warranty", "KAFKA_PROPERTIES_FILE", file.toString()));

        assertThat(config).isEqualTo(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "fni.servicebus.windows.net:9093",
                ConsumerConfig.GROUP_ID_CONFIG, "acme-warranty",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "PLAIN"));
    }

    private PartnerSubscriber subscriber(String group, List<String> topics, List<ReceivedEvent> into) {
        return new PartnerSubscriber(config(group), topics, stateDir, into::add);
    }

    private static Map<String, Object> config(String group) {
        return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, group);
    }

    /** Polls until {@code done} or the time is up; returns the sum of pollOnce's counts. */
    private static int pollUntil(PartnerSubscriber subscriber, BooleanSupplier done) {
        int delivered = 0;
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            delivered += subscriber.pollOnce(Duration.ofMillis(200));
        }
        return delivered;
    }

    /** Publishes an event as the platform does on a plain broker: keyed by its subject, UTF-8 headers. */
    private static ReceivedEvent publish(String topic, String id, String type, String subject) throws Exception {
        return publish(topic, null, subject, id, type, subject, PartnerSubscriberTest::utf8);
    }

    /**
     * Publishes an event and returns what a subscriber is expected to receive for it.
     *
     * @param partition null: the producer picks it (by key)
     */
    private static ReceivedEvent publish(String topic, Integer partition, String key, String id, String type,
                                         String subject, Function<String, byte[]> headerEncoding) throws Exception {
        String time = Instant.now().toString();
        String payload = "{\"contractNumber\":\"" + subject + "\",\"dealerCode\":\"D1001\"}";
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, partition, key, payload);
        record.headers()
                .add("ce_id", headerEncoding.apply(id))
                .add("ce_specversion", headerEncoding.apply("1.0"))
                .add("ce_type", headerEncoding.apply(type))
                .add("ce_source", headerEncoding.apply("/fni-exchange/contract-service"))
                .add("ce_subject", headerEncoding.apply(subject))
                .add("ce_time", headerEncoding.apply(time))
                .add("content-type", headerEncoding.apply("application/json"));
        RecordMetadata written = producer.send(record).get(30, SECONDS);
        return new ReceivedEvent(topic, written.partition(), written.offset(), key, id, type, subject, time, payload);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String newTopic(String stream) throws Exception {
        String name = stream + "-" + UUID.randomUUID().toString().substring(0, 8);
        admin.createTopics(List.of(new NewTopic(name, PARTITIONS, (short) 1))).all().get(30, SECONDS);
        return name;
    }

    /** The sum of the group's committed offsets: on a new topic, how many events it committed past. */
    private static long committed(String group) throws Exception {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, SECONDS).values().stream()
                .filter(Objects::nonNull).mapToLong(OffsetAndMetadata::offset).sum();
    }

    private static String group() {
        return "partner-test-" + UUID.randomUUID();
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
