package com.fniexchange.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fniexchange.platform.SequencedEvent;
import com.fniexchange.testsupport.TestInfrastructure;
import com.fniexchange.testsupport.TestKafka;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@ContextConfiguration(initializers = TestInfrastructure.class)
class OutboxRelayTest {

    static final String TOPIC = "platform-test-events";
    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    OutboxWriter writer;
    @Autowired
    OutboxRepository repository;
    @Autowired
    OutboxMetrics metrics;
    @Autowired
    OutboxProperties properties;
    @Autowired
    StreamBridge streamBridge;
    @Autowired
    PlatformTransactionManager txManager;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;

    TransactionTemplate tx() {
        return new TransactionTemplate(txManager);
    }

    /** A relay instance of its own, as a second (third...) service instance would run. */
    OutboxRelay anotherRelay(int batchSize) {
        OutboxProperties small = new OutboxProperties(null, true, properties.pollInterval(), batchSize, properties.publishers(), properties.senders(),
                properties.backoffInitial(), properties.backoffMax(), properties.partitionKeyHeader(), properties.retention(),
                properties.destinations());
        return new OutboxRelay(repository, new OutboxPublisher(streamBridge, JSON, small.partitionKeyHeader()), metrics,
                tx(), new OutboxNotifications(dataSource), small, Clock.systemUTC());
    }

    @Test
    void twoRelaysAtOnceNeverPublishAnEventTwiceAndKeepOrderPerAggregate() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        int aggregates = 24;
        int perAggregate = 25;
        // interleaved writes, one transaction each, as concurrent requests would make them
        for (int seq = 0; seq < perAggregate; seq++) {
            for (int a = 0; a < aggregates; a++) {
                String subject = "AGG-" + run + "-" + a;
                int sequence = seq;
                tx().executeWithoutResult(s -> writer.append(TOPIC, new SequencedEvent(subject, sequence, Instant.now())));
            }
        }
        int total = aggregates * perAggregate;

        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> relays = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            OutboxRelay relay = anotherRelay(7);
            Callable<Integer> drain = () -> {
                int published = 0;
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (System.nanoTime() < deadline && pendingOf(run) > 0) {
                    published += relay.drainOnce().published();
                }
                return published;
            };
            relays.add(pool.submit(drain));
        }
        int byTheTwo = relays.get(0).get() + relays.get(1).get();
        pool.shutdown();
        assertThat(pendingOf(run)).isZero();
        assertThat(byTheTwo).as("the two relays share the work (the context's own relay may take some too)").isPositive();

        Map<String, List<Integer>> sequences = new HashMap<>();
        Set<String> ids = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = TestKafka.consumer(TestKafka.brokers(), TOPIC)) {
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.stream().filter(r -> r.key().contains(run)).count() < total && System.nanoTime() < deadline) {
                records.addAll(TestKafka.poll(consumer, 1, Duration.ofSeconds(1)));
            }
            records.addAll(TestKafka.poll(consumer, Integer.MAX_VALUE, Duration.ofSeconds(2)));
            for (ConsumerRecord<String, String> r : records) {
                if (!r.key().contains(run)) {
                    continue;
                }
                String id = new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
                assertThat(ids.add(id)).as("event %s published once", id).isTrue();
                JsonNode body = JSON.readTree(r.value());
                sequences.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(body.get("sequence").asInt());
            }
        }
        assertThat(ids).hasSize(total);
        assertThat(sequences).hasSize(aggregates);
        List<Integer> expected = java.util.stream.IntStream.range(0, perAggregate).boxed().toList();
        sequences.forEach((key, seqs) -> assertThat(seqs).as("order of %s", key).isEqualTo(expected));
    }

    @Test
    void notifyWakesTheRelayLongBeforeThePollInterval() throws Exception {
        assertThat(properties.pollInterval()).isGreaterThanOrEqualTo(Duration.ofSeconds(60));
        String subject = "NOTIFY-" + UUID.randomUUID();
        // let the context's relay go idle, waiting on NOTIFY
        Thread.sleep(500);
        long start = System.nanoTime();
        tx().executeWithoutResult(s -> writer.append(TOPIC, new SequencedEvent(subject, 0, Instant.now())));
        while (pending(subject) > 0 && System.nanoTime() - start < Duration.ofSeconds(20).toNanos()) {
            Thread.sleep(20);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(pending(subject)).isZero();
        assertThat(millis).as("published %d ms after commit", millis).isLessThan(10_000);
    }

    @Test
    void writerRefusesToRunOutsideATransaction() {
        assertThatThrownBy(() -> writer.append(TOPIC, new SequencedEvent("X", 0, Instant.now())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside the transaction");
    }

    @Test
    void rolledBackWorkLeavesNoEvent() {
        String subject = "ROLLBACK-" + UUID.randomUUID();
        tx().executeWithoutResult(s -> {
            writer.append(TOPIC, new SequencedEvent(subject, 0, Instant.now()));
            s.setRollbackOnly();
        });
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_event WHERE aggregate_id = :s").param("s", subject)
                .query(Long.class).single()).isZero();
    }

    @Test
    void publishedRowsArePurgedAfterTheRetentionAndUnpublishedOnesNever() {
        String published = "PURGE-" + UUID.randomUUID();
        String unpublished = "KEEP-" + UUID.randomUUID();
        tx().executeWithoutResult(s -> {
            writer.append(TOPIC, new SequencedEvent(published, 0, Instant.now()));
            writer.append(TOPIC, new SequencedEvent(unpublished, 0, Instant.now()));
        });
        // a row published long ago, and one that never was, both old
        jdbc.sql("UPDATE outbox_event SET published_at = now() - interval '30 days', created_at = now() - interval '30 days' WHERE aggregate_id = :a")
                .param("a", published).update();
        jdbc.sql("UPDATE outbox_event SET published_at = NULL, created_at = now() - interval '30 days' WHERE aggregate_id = :a")
                .param("a", unpublished).update();
        int purged = tx().execute(s -> repository.purgePublishedBefore(Instant.now().minus(properties.retention())));
        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_event WHERE aggregate_id = :a").param("a", published).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_event WHERE aggregate_id = :a").param("a", unpublished).query(Long.class).single()).isOne();
    }

    @Test
    void backlogMetricsAreRegistered() {
        assertThat(meters.find("fni.outbox.pending").gauge()).isNotNull();
        assertThat(meters.find("fni.outbox.oldest.age").gauge()).isNotNull();
        assertThat(meters.find("fni.outbox.publish.latency").timer()).isNotNull();
    }

    private long pendingOf(String run) {
        return jdbc.sql("SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND aggregate_id LIKE :p")
                .param("p", "AGG-" + run + "-%").query(Long.class).single();
    }

    private long pending(String subject) {
        return jdbc.sql("SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND aggregate_id = :s")
                .param("s", subject).query(Long.class).single();
    }
}
