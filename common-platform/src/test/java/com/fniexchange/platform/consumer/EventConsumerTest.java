package com.fniexchange.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fniexchange.model.event.CloudEventHeaders;
import com.fniexchange.model.event.EventEnvelope;
import com.fniexchange.model.event.EventJson;
import com.fniexchange.model.event.EventType;
import com.fniexchange.platform.PlatformTestApplication;
import com.fniexchange.platform.SequencedEvent;
import com.fniexchange.testsupport.TestInfrastructure;
import com.fniexchange.testsupport.TestKafka;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.event.ConsumerStoppedEvent;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The consumer pattern end to end on the embedded broker: events produced by a plain
 * KafkaProducer with CloudEvents headers, as another service or a partner would send them.
 */
@SpringBootTest(properties = {
        // its own database: this context's outbox relay must not publish other tests' rows
        TestInfrastructure.ISOLATED_DATABASE + "=true",
        "fni.consumer.bindings.consumerTestEvents.destination=" + EventConsumerTest.TOPIC,
        "fni.consumer.max-attempts=3",
        "fni.consumer.backoff-initial=10ms",
        "fni.consumer.backoff-max=40ms"})
@ContextConfiguration(initializers = TestInfrastructure.class)
@Import(EventConsumerTest.LedgerConsumer.class)
class EventConsumerTest {

    static final String TOPIC = "platform-test-consumer";
    static final String CONSUMER = "consumer-test-ledger";
    static final String GROUP = "platform-test";
    static final Duration WITHIN = Duration.ofSeconds(30);

    static KafkaProducer<String, byte[]> producer;

    @Autowired
    Ledger ledger;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;
    @Autowired
    Environment environment;
    @Autowired
    EventConsumer consumerTestEvents;
    @Autowired
    BindingsLifecycleController bindings;
    @Autowired
    ConsumerStops consumerStops;

    final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void producer() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.brokers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    @Test
    void aDuplicateDeliveryChangesNothing() {
        double duplicates = inboxDuplicates();
        double processed = consumed("processed");
        double duplicate = consumed("duplicate");
        String subject = "DUP-" + run;
        EventEnvelope envelope = envelope(subject);
        byte[] body = EventJson.write(new SequencedEvent(subject, 5, envelope.time())).getBytes(StandardCharsets.UTF_8);

        send(subject, envelope.toHeaders(), body);
        send(subject, envelope.toHeaders(), body);
        String after = "DUP-AFTER-" + run;
        sendEvent(subject, after, 1);

        awaitLedger(after);
        assertThat(ledger.entry(subject)).contains(new Entry(5, 1));
        assertThat(ledger.calls(subject)).as("the handler never saw the redelivery").isEqualTo(1);
        assertThat(inboxRows(envelope.id())).isEqualTo(1);
        assertThat(consumed("processed") - processed).isEqualTo(2.0);
        assertThat(consumed("duplicate") - duplicate).isEqualTo(1.0);
        assertThat(inboxDuplicates() - duplicates).isEqualTo(1.0);
    }

    @Test
    void aPoisonMessageIsDeadLetteredWithItsFailureAndLaterMessagesGoOn() {
        double deadLettered = consumed("dead-lettered");
        double failures = failedTries();
        String key = "K-" + run;
        String poison = "POISON-" + run;
        EventEnvelope envelope = envelope(poison);
        byte[] body = EventJson.write(new SequencedEvent(poison, 7, envelope.time())).getBytes(StandardCharsets.UTF_8);
        RecordMetadata poisoned = send(key, envelope.toHeaders(), body);
        String after = "AFTER-POISON-" + run;
        RecordMetadata next = sendEvent(key, after, 3);
        assertThat(next.partition()).isEqualTo(poisoned.partition());

        awaitLedger(after);
        assertThat(ledger.entry(after)).contains(new Entry(3, 1));
        assertThat(ledger.entry(poison)).isEmpty();
        assertThat(ledger.calls(poison)).as("max-attempts").isEqualTo(3);
        assertThat(inboxRows(envelope.id())).as("a dead-lettered event is not remembered as processed").isZero();

        ConsumerRecord<String, String> dead = deadLetter(envelope.id());
        assertThat(dead.value()).isEqualTo(new String(body, StandardCharsets.UTF_8));
        assertThat(dead.key()).isEqualTo(poison);
        envelope.toHeaders().forEach((name, value) -> assertThat(header(dead, name)).as(name).isEqualTo(value));
        assertThat(header(dead, DeadLetters.FAILURE_REASON)).isEqualTo("refused " + poison);
        assertThat(header(dead, DeadLetters.FAILURE_CLASS)).isEqualTo(IllegalStateException.class.getName());
        assertThat(header(dead, DeadLetters.ATTEMPTS)).isEqualTo("3");
        assertThat(header(dead, DeadLetters.CONSUMER)).isEqualTo(CONSUMER);
        assertThat(header(dead, DeadLetters.ORIGINAL_DESTINATION)).isEqualTo(TOPIC);
        assertThat(Instant.parse(header(dead, DeadLetters.FAILED_AT))).isBetween(envelope.time(), Instant.now());
        for (Header h : dead.headers()) {
            assertThat(new String(h.value(), StandardCharsets.UTF_8)).as("no stack trace in %s", h.key()).doesNotContain("\tat ", ".java:");
        }
        assertThat(consumed("dead-lettered") - deadLettered).isEqualTo(1.0);
        assertThat(failedTries() - failures).isEqualTo(3.0);
    }

    @Test
    void aConsumerThatDiesBeforeItsCommitGetsTheEventAgainFromTheBrokerAndHandlesItOnce() throws Exception {
        double processed = consumed("processed");
        double failures = failedTries();
        String subject = "DIES-" + run;
        EventEnvelope envelope = envelope(subject);
        RecordMetadata sent = send(subject, envelope.toHeaders(),
                EventJson.write(new SequencedEvent(subject, 6, envelope.time())).getBytes(StandardCharsets.UTF_8));
        TopicPartition partition = new TopicPartition(TOPIC, sent.partition());

        // the first delivery wrote its change and died inside the transaction: the listener is gone
        ConsumerStoppedEvent death = consumerStops.next(WITHIN);
        try {
            assertThat(death.getReason()).isEqualTo(ConsumerStoppedEvent.Reason.ERROR);
            assertThat(ledger.calls(subject)).isEqualTo(1);
            assertThat(ledger.entry(subject)).as("the dead consumer's change rolled back").isEmpty();
            assertThat(inboxRows(envelope.id())).isZero();
            assertThat(committedOffset(partition)).as("the event's offset was not committed past")
                    .isLessThanOrEqualTo(sent.offset());
        } finally {
            // a new consumer joins the group, as a restarted instance would
            bindings.stop(consumerTestEvents.inputBinding());
            bindings.start(consumerTestEvents.inputBinding());
        }

        awaitLedger(subject);
        await().atMost(WITHIN).until(() -> committedOffset(partition) > sent.offset());
        assertThat(ledger.calls(subject)).as("delivered again by the broker, handled by the new consumer").isEqualTo(2);
        assertThat(ledger.entry(subject)).contains(new Entry(6, 1));
        assertThat(inboxRows(envelope.id())).isEqualTo(1);
        assertThat(consumed("processed") - processed).isEqualTo(1.0);
        assertThat(failedTries() - failures).as("no in-process retry: the redelivery came from the broker").isZero();
    }

    @Test
    void aDeadLetterTheBrokerRefusesIsCountedAndHoldsItsPartitionUntilTheBrokerTakesIt() throws Exception {
        double refusals = deadLetterFailures();
        double deadLettered = consumed("dead-lettered");
        assertThat(stuckOnDeadLetter()).as("the gauge exists before anything went wrong").isZero();
        String key = "REFUSED-" + run;
        EventEnvelope unreadable = envelope(key);
        // random text: producers compress (lz4), and a repeated character would shrink below the limit
        byte[] random = new byte[3_000];
        new java.util.Random(42).nextBytes(random);
        byte[] tooLarge = ("not json " + java.util.Base64.getEncoder().encodeToString(random)).getBytes(StandardCharsets.UTF_8);
        String after = "AFTER-REFUSED-" + run;
        try (Admin admin = admin()) {
            limitMessageBytes(admin, DeadLetters.of(TOPIC), "1024");
            try {
                RecordMetadata refused = send(key, unreadable.toHeaders(), tooLarge);
                RecordMetadata next = sendEvent(key, after, 2);
                assertThat(next.partition()).isEqualTo(refused.partition());

                await().atMost(WITHIN).until(() -> deadLetterFailures() - refusals >= 3);
                assertThat(stuckOnDeadLetter()).isEqualTo(1.0);
                assertThat(ledger.entry(after)).as("the partition does not move on past the event").isEmpty();
                assertThat(committedOffset(new TopicPartition(TOPIC, refused.partition())))
                        .isLessThanOrEqualTo(refused.offset());
                assertThat(consumed("dead-lettered") - deadLettered).isZero();
            } finally {
                limitMessageBytes(admin, DeadLetters.of(TOPIC), null);
            }
        }

        awaitLedger(after);
        assertThat(deadLetter(unreadable.id()).value()).isEqualTo(new String(tooLarge, StandardCharsets.UTF_8));
        assertThat(stuckOnDeadLetter()).isZero();
        assertThat(consumed("dead-lettered") - deadLettered).isEqualTo(1.0);
    }

    @Test
    void aConsumerWhoseInputDestinationHasNoDeadLetterBindingDoesNotStart() {
        // the destination set on the Spring Cloud Stream binding itself: the platform declared the
        // dead-letter binding of the fni.consumer one, not of the topic actually read
        assertThatThrownBy(() -> startService(
                "--fni.consumer.bindings.consumerTestEvents.destination=" + TOPIC,
                "--spring.cloud.stream.bindings.consumerTestEvents-in-0.destination=platform-test-elsewhere").close())
                .satisfies(failure -> assertThat(messages(failure)).anySatisfy(message -> assertThat(message)
                        .contains("consumer " + CONSUMER + " (consumerTestEvents-in-0) reads 'platform-test-elsewhere'")
                        .contains("platform-test-elsewhere-dlq is not declared")
                        .contains("set fni.consumer.bindings.consumerTestEvents.destination=platform-test-elsewhere")
                        .contains("instead of spring.cloud.stream.bindings.consumerTestEvents-in-0.destination")));

        // a Kafka binding reading two topics gets one dead-letter binding per topic
        try (ConfigurableApplicationContext service = startService(
                "--fni.consumer.bindings.consumerTestEvents.destination=platform-test-multi-a, platform-test-multi-b",
                "--fni.consumer.bindings.consumerTestEvents.group=platform-test-multi")) {
            assertThat(service.getEnvironment().getProperty("spring.cloud.stream.output-bindings"))
                    .contains("platform-test-multi-a-dlq", "platform-test-multi-b-dlq");
            assertThat(service.getEnvironment().getProperty("spring.cloud.stream.bindings.platform-test-multi-b-dlq-out-0.destination"))
                    .isEqualTo("platform-test-multi-b.dlq");
        }
    }

    @Test
    void aCommitThatFailsIsRetriedInProcessAndTheEventHandledOnce() {
        double processed = consumed("processed");
        double failures = failedTries();
        String subject = "CRASH-" + run;
        EventEnvelope envelope = envelope(subject);
        send(subject, envelope.toHeaders(),
                EventJson.write(new SequencedEvent(subject, 4, envelope.time())).getBytes(StandardCharsets.UTF_8));

        awaitLedger(subject);
        assertThat(ledger.calls(subject)).as("the first run's work was rolled back and done again").isEqualTo(2);
        assertThat(ledger.entry(subject)).contains(new Entry(4, 1));
        assertThat(inboxRows(envelope.id())).isEqualTo(1);
        assertThat(consumed("processed") - processed).isEqualTo(1.0);
        assertThat(failedTries() - failures).isEqualTo(1.0);
    }

    @Test
    void unknownTypesAreSkippedUnreadableBodiesDeadLetteredAtOnceAndNewFieldsIgnored() {
        double ignored = consumed("ignored");
        double deadLettered = consumed("dead-lettered");
        String key = "MIXED-" + run;

        EventType unheardOf = EventType.of("test", "unheard-of", 1);
        EventEnvelope unknown = new EventEnvelope(UUID.randomUUID(), unheardOf, "/partner", key, Instant.now(), null, null);
        send(key, unknown.toHeaders(), "{\"anything\":1}".getBytes(StandardCharsets.UTF_8));

        String broken = "BROKEN-" + run;
        EventEnvelope unreadable = envelope(broken);
        send(key, unreadable.toHeaders(), "not json".getBytes(StandardCharsets.UTF_8));

        String newer = "NEWER-" + run;
        EventEnvelope newerEnvelope = envelope(newer);
        send(key, newerEnvelope.toHeaders(), ("{\"subject\":\"" + newer + "\",\"sequence\":9,\"occurredAt\":\""
                + newerEnvelope.time() + "\",\"addedInVersion2\":{\"x\":true}}").getBytes(StandardCharsets.UTF_8));

        awaitLedger(newer);
        assertThat(ledger.entry(newer)).as("a field this consumer does not know is ignored").contains(new Entry(9, 1));
        assertThat(consumed("ignored") - ignored).isEqualTo(1.0);
        assertThat(inboxRows(unknown.id())).isZero();
        assertThat(ledger.calls(broken)).isZero();
        ConsumerRecord<String, String> dead = deadLetter(unreadable.id());
        assertThat(header(dead, DeadLetters.ATTEMPTS)).as("retrying cannot make it readable").isEqualTo("1");
        assertThat(header(dead, DeadLetters.FAILURE_CLASS)).isEqualTo(IllegalArgumentException.class.getName());
        assertThat(header(dead, DeadLetters.FAILURE_REASON)).startsWith("event body is not a valid SequencedEvent");
        assertThat(consumed("dead-lettered") - deadLettered).isEqualTo(1.0);
    }

    @Test
    void readsCloudEventsHeadersGivenAsStrings() {
        // some binders (and Kafka with other header mappers) hand headers over as String, not byte[]
        String subject = "STRINGS-" + run;
        EventEnvelope envelope = envelope(subject);
        Message<byte[]> message = MessageBuilder
                .withPayload(EventJson.write(new SequencedEvent(subject, 2, envelope.time())).getBytes(StandardCharsets.UTF_8))
                .copyHeaders(envelope.toHeaders())
                .build();
        consumerTestEvents.accept(message);
        assertThat(ledger.entry(subject)).contains(new Entry(2, 1));
        assertThat(inboxRows(envelope.id())).isEqualTo(1);
    }

    @Test
    void theBindingGetsThePlatformDefaultsAndTheBinderReportsLag() {
        String in = "spring.cloud.stream.bindings.consumerTestEvents-in-0.";
        assertThat(environment.getProperty(in + "destination")).isEqualTo(TOPIC);
        assertThat(environment.getProperty(in + "group")).isEqualTo(GROUP);
        assertThat(environment.getProperty(in + "consumer.max-attempts")).isEqualTo("1");
        assertThat(environment.getProperty("spring.cloud.stream.kafka.bindings.consumerTestEvents-in-0.consumer.ack-mode"))
                .isEqualTo("RECORD");
        assertThat(environment.getProperty("spring.cloud.function.definition")).isEqualTo("consumerTestEvents");

        String subject = "LAG-" + run;
        sendEvent(subject, subject, 1);
        awaitLedger(subject);
        await().atMost(WITHIN).untilAsserted(() -> {
            Gauge lag = meters.find("spring.cloud.stream.binder.kafka.offset")
                    .tag("group", GROUP).tag("topic", TOPIC).gauge();
            assertThat(lag).as("the Kafka binder's consumer-lag gauge").isNotNull();
            assertThat(lag.value()).isZero();
        });
    }

    // --- the consuming service of this test ---------------------------------------------------

    record Entry(int total, int events) {
    }

    /** A service's state: a running total per subject, changed by the handler in the consumer's transaction. */
    static class Ledger {

        private final JdbcClient jdbc;
        private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

        Ledger(JdbcClient jdbc) {
            this.jdbc = jdbc;
            jdbc.sql("CREATE TABLE IF NOT EXISTS consumer_test_ledger (subject text PRIMARY KEY, total int NOT NULL, events int NOT NULL)")
                    .update();
        }

        void apply(EventEnvelope envelope, SequencedEvent event) {
            int call = calls.computeIfAbsent(event.subject(), s -> new AtomicInteger()).incrementAndGet();
            if (event.subject().startsWith("POISON")) {
                throw new IllegalStateException("refused " + event.subject());
            }
            jdbc.sql("""
                    INSERT INTO consumer_test_ledger (subject, total, events) VALUES (:subject, :amount, 1)
                    ON CONFLICT (subject) DO UPDATE
                    SET total = consumer_test_ledger.total + EXCLUDED.total, events = consumer_test_ledger.events + 1
                    """)
                    .param("subject", event.subject())
                    .param("amount", event.sequence())
                    .update();
            if (event.subject().startsWith("DIES") && call == 1) {
                // the change is written, not committed, when the process dies: nothing in the
                // consumer may catch that (an Error, like OutOfMemoryError), so no retry hides it
                throw new ProcessDeath("consumer died before committing " + event.subject());
            }
            if (event.subject().startsWith("CRASH") && call == 1) {
                // the handler's work is done; the commit after it fails, as if the instance died there
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void beforeCommit(boolean readOnly) {
                        throw new IllegalStateException("connection lost before commit");
                    }
                });
            }
        }

        Optional<Entry> entry(String subject) {
            return jdbc.sql("SELECT total, events FROM consumer_test_ledger WHERE subject = :subject")
                    .param("subject", subject)
                    .query((rs, n) -> new Entry(rs.getInt("total"), rs.getInt("events")))
                    .optional();
        }

        int calls(String subject) {
            AtomicInteger count = calls.get(subject);
            return count == null ? 0 : count.get();
        }
    }

    /** What a dying JVM throws, as far as the consumer can tell. */
    static class ProcessDeath extends Error {
        ProcessDeath(String message) {
            super(message);
        }
    }

    /** The binder's Kafka consumers that stopped, as the listener container reports them. */
    static class ConsumerStops implements ApplicationListener<ConsumerStoppedEvent> {

        private final BlockingQueue<ConsumerStoppedEvent> stops = new LinkedBlockingQueue<>();

        @Override
        public void onApplicationEvent(ConsumerStoppedEvent event) {
            stops.add(event);
        }

        ConsumerStoppedEvent next(Duration within) throws InterruptedException {
            ConsumerStoppedEvent stop = stops.poll(within.toMillis(), TimeUnit.MILLISECONDS);
            if (stop == null) {
                throw new AssertionError("no Kafka consumer stopped within " + within);
            }
            return stop;
        }
    }

    /** Imported by this test only (not scanned), so no other test context gets a consumer. */
    static class LedgerConsumer {

        @Bean
        ConsumerStops consumerStops() {
            return new ConsumerStops();
        }

        @Bean
        Ledger ledger(JdbcClient jdbc) {
            return new Ledger(jdbc);
        }

        @Bean
        Consumer<Message<byte[]>> consumerTestEvents(EventConsumers consumers, Ledger ledger) {
            return consumers.of(EventHandlers.forConsumer(CONSUMER)
                    .on(SequencedEvent.TYPE, SequencedEvent.class, ledger::apply));
        }
    }

    // --- helpers --------------------------------------------------------------------------------

    EventEnvelope envelope(String subject) {
        return new EventEnvelope(UUID.randomUUID(), SequencedEvent.TYPE, "/fni-exchange/another-service", subject,
                Instant.now(), "corr-" + run, null);
    }

    RecordMetadata sendEvent(String key, String subject, int amount) {
        EventEnvelope envelope = envelope(subject);
        return send(key, envelope.toHeaders(),
                EventJson.write(new SequencedEvent(subject, amount, envelope.time())).getBytes(StandardCharsets.UTF_8));
    }

    static RecordMetadata send(String key, Map<String, String> headers, byte[] body) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, key, body);
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        try {
            return producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("test producer could not send", e);
        }
    }

    void awaitLedger(String subject) {
        await().atMost(WITHIN).until(() -> ledger.entry(subject).isPresent());
    }

    ConsumerRecord<String, String> deadLetter(UUID eventId) {
        try (KafkaConsumer<String, String> dlq = TestKafka.consumer(TestKafka.brokers(), DeadLetters.of(TOPIC))) {
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + WITHIN.toNanos();
            while (System.nanoTime() < deadline) {
                records.addAll(TestKafka.poll(dlq, 1, Duration.ofSeconds(1)));
                Optional<ConsumerRecord<String, String>> found = records.stream()
                        .filter(r -> eventId.toString().equals(header(r, CloudEventHeaders.ID))).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
            }
            throw new AssertionError("no dead letter for event " + eventId + " in " + DeadLetters.of(TOPIC));
        }
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Another instance of this test's service, with its own consumer group and no relay. */
    static ConfigurableApplicationContext startService(String... args) {
        return new SpringApplicationBuilder(PlatformTestApplication.class, LedgerConsumer.class)
                .web(WebApplicationType.NONE)
                .initializers(new TestInfrastructure())
                .run(Stream.concat(Stream.of("--fni.outbox.relay-enabled=false"), Stream.of(args)).toArray(String[]::new));
    }

    static List<String> messages(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        return messages;
    }

    static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.brokers()));
    }

    /** Sets (or with null removes) a topic's size limit, and waits until the broker reports it. */
    static void limitMessageBytes(Admin admin, String topic, String bytes) throws Exception {
        try {
            admin.createTopics(List.of(new NewTopic(topic, Optional.empty(), Optional.empty()))).all().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        AlterConfigOp change = bytes == null
                ? new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, ""), AlterConfigOp.OpType.DELETE)
                : new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, bytes), AlterConfigOp.OpType.SET);
        admin.incrementalAlterConfigs(Map.of(resource, List.of(change))).all().get(10, TimeUnit.SECONDS);
        await().atMost(WITHIN).until(() -> {
            ConfigEntry entry = admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource)
                    .get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
            return bytes == null ? entry.source() != ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG : bytes.equals(entry.value());
        });
    }

    /** The consumer group's committed offset of a partition (0 when it never committed one). */
    static long committedOffset(TopicPartition partition) throws Exception {
        try (Admin admin = admin()) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS).get(partition);
            return committed == null ? 0 : committed.offset();
        }
    }

    int inboxRows(UUID eventId) {
        return jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = :id AND consumer = :consumer")
                .param("id", eventId).param("consumer", CONSUMER).query(Integer.class).single();
    }

    double consumed(String outcome) {
        return meters.find("fni.events.consumed").tag("consumer", CONSUMER).tag("outcome", outcome).counters()
                .stream().mapToDouble(Counter::count).sum();
    }

    double failedTries() {
        return meters.find("fni.events.consume.failures").tag("consumer", CONSUMER).counters()
                .stream().mapToDouble(Counter::count).sum();
    }

    double deadLetterFailures() {
        return meters.find("fni.events.dead-letter.failures").tag("consumer", CONSUMER).counters()
                .stream().mapToDouble(Counter::count).sum();
    }

    double stuckOnDeadLetter() {
        return meters.get("fni.events.dead-letter.stuck").tag("consumer", CONSUMER).gauge().value();
    }

    double inboxDuplicates() {
        return meters.find("fni.inbox.duplicates").tag("consumer", CONSUMER).counters()
                .stream().mapToDouble(Counter::count).sum();
    }
}
