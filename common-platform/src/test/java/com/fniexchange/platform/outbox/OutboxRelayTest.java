package com.fniexchange.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fniexchange.platform.PaddedEvent;
import com.fniexchange.platform.SequencedEvent;
import com.fniexchange.testsupport.TestInfrastructure;
import com.fniexchange.testsupport.TestKafka;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
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
import org.springframework.boot.actuate.endpoint.SecurityContext;
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
    @Autowired
    OutboxRelay contextRelay;
    @Autowired
    OutboxOperations operations;
    @Autowired
    OutboxEndpoint endpoint;
    @Autowired
    SendAcknowledgements acknowledgements;

    TransactionTemplate tx() {
        return new TransactionTemplate(txManager);
    }

    /** A relay instance of its own, as a second (third...) service instance would run. */
    OutboxRelay anotherRelay(int batchSize) {
        OutboxProperties small = new OutboxProperties(null, true, properties.pollInterval(), batchSize, properties.senders(),
                properties.backoffInitial(), properties.backoffMax(), properties.maxAttempts(), properties.partitionKeyHeader(),
                properties.retention(), properties.destinations());
        return new OutboxRelay(repository, new OutboxPublisher(streamBridge, small.partitionKeyHeader(), small.destinations(), acknowledgements), metrics,
                tx(), new OutboxNotifications(dataSource), small, Clock.systemUTC());
    }

    @Test
    void theKafkaBindingOfAnOutboxDestinationSendsPipelinedAndReportsEachAcknowledgement() throws Exception {
        assertThat(acknowledgements.isPipelined(TOPIC)).as("the Kafka producer handler was customised").isTrue();
        String subject = "PIPE-" + UUID.randomUUID();
        OutboxPublisher publisher = new OutboxPublisher(streamBridge, properties.partitionKeyHeader(), properties.destinations(),
                acknowledgements);
        OutboxRow row = new OutboxRow(-1, UUID.randomUUID(), TOPIC, "com.fniexchange.test.sequenced.v1", subject,
                "{\"subject\":\"" + subject + "\"}", "{\"ce_id\":\"" + UUID.randomUUID() + "\"}", Instant.now(), 0, 0);
        java.util.concurrent.CompletableFuture<?> ack = publisher.publish(row);
        // the answer is the broker's acknowledgement, not a send that already waited for it
        assertThat(ack).isNotNull();
        assertThat(ack.get(10, java.util.concurrent.TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void twoRelaysAtOnceNeverPublishAnEventTwiceAndKeepOrderPerAggregate() throws Exception {
        // the context's own relay stands aside, so what the two publish is exactly countable
        contextRelay.stop();
        String run = UUID.randomUUID().toString().substring(0, 6);
        int aggregates = 24;
        int perAggregate = 25;
        try {
            // interleaved writes, one transaction each, as concurrent requests would make them
            for (int seq = 0; seq < perAggregate; seq++) {
                for (int a = 0; a < aggregates; a++) {
                    String subject = "AGG-" + run + "-" + a;
                    int sequence = seq;
                    tx().executeWithoutResult(s -> writer.append(TOPIC, new SequencedEvent(subject, sequence, Instant.now())));
                }
            }
            drainWithTwoRelays(run, aggregates * perAggregate);
        } finally {
            contextRelay.start();
        }
        assertPublishedOnceInOrder(run, aggregates, perAggregate);
    }

    private void drainWithTwoRelays(String run, int total) throws Exception {
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
        int first = relays.get(0).get();
        int second = relays.get(1).get();
        pool.shutdown();
        assertThat(pendingOf(run)).isZero();
        assertThat(first + second).as("every row published exactly once by the two").isEqualTo(total);
    }

    private void assertPublishedOnceInOrder(String run, int aggregates, int perAggregate) throws Exception {
        int total = aggregates * perAggregate;
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
        // the context's relay must be waiting on NOTIFY (its LISTEN open), not in the middle of a pass
        awaitCondition("relay idle", Duration.ofSeconds(20), contextRelay::isIdle);
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
    void backlogGaugesAndPublishMetricsTellTheTruth() throws Exception {
        String subject = "BACKLOG-" + UUID.randomUUID();
        contextRelay.stop();
        try {
            tx().executeWithoutResult(s -> {
                for (int i = 0; i < 3; i++) {
                    writer.append(TOPIC, new SequencedEvent(subject, i, Instant.now()));
                }
            });
            // written an hour ago, as if the relay had been down that long
            jdbc.sql("UPDATE outbox_event SET created_at = now() - interval '1 hour' WHERE aggregate_id = :s").param("s", subject).update();
            long pendingInTable = jdbc.sql("SELECT count(*) FROM outbox_event WHERE published_at IS NULL").query(Long.class).single();
            long parkedInTable = jdbc.sql("SELECT count(*) FROM outbox_event WHERE parked_at IS NOT NULL AND published_at IS NULL")
                    .query(Long.class).single();
            // the gauges sample the table at most every 2 s; with the relay stopped the table holds still
            awaitCondition("pending gauge = " + pendingInTable, Duration.ofSeconds(10),
                    () -> meters.get("fni.outbox.pending").gauge().value() == pendingInTable);
            assertThat(meters.get("fni.outbox.parked").gauge().value()).isEqualTo((double) parkedInTable);
            assertThat(meters.get("fni.outbox.oldest.age").gauge().value()).isBetween(3600.0, 3600.0 + 60);
        } finally {
            contextRelay.start();
        }
        double publishedBefore = publishedCount();
        long latencySamplesBefore = meters.get("fni.outbox.publish.latency").timer().count();
        awaitCondition("published after the restart", Duration.ofSeconds(20), () -> pending(subject) == 0);
        assertThat(publishedCount() - publishedBefore).isGreaterThanOrEqualTo(3);
        assertThat(meters.get("fni.outbox.publish.latency").timer().count() - latencySamplesBefore).isGreaterThanOrEqualTo(3);
        assertThat(meters.get("fni.outbox.publish.latency").timer().max(java.util.concurrent.TimeUnit.SECONDS))
                .as("latency runs from the outbox write to the ack").isGreaterThanOrEqualTo(3600.0);
    }

    private double publishedCount() {
        var counter = meters.find("fni.events.published").tag("type", SequencedEvent.TYPE.typeName()).tag("destination", TOPIC).counter();
        return counter == null ? 0 : counter.count();
    }

    /**
     * A poison event (above the producer's max.request.size: refused forever) holds only its own
     * contract's chain. 100 events of other contracts publish at normal latency meanwhile; after
     * max-attempts the poison chain is parked, keeping its later event behind it; ops skip it
     * (audited) and the later event goes out.
     */
    @Test
    void aPoisonEventHoldsOnlyItsOwnChainAndIsParkedThenSkipped() throws Exception {
        String poisoned = "POISON-" + UUID.randomUUID();
        tx().executeWithoutResult(s -> {
            writer.append(TOPIC, PaddedEvent.ofSize(poisoned, 1_200_000));
            writer.append(TOPIC, new SequencedEvent(poisoned, 1, Instant.now()));
        });
        String run = UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 100; i++) {
            String subject = "AGG-" + run + "-" + i;
            tx().executeWithoutResult(s -> writer.append(TOPIC, new SequencedEvent(subject, 0, Instant.now())));
            Thread.sleep(20); // paced like live traffic, about 50 events a second
        }
        awaitCondition("the 100 published", Duration.ofSeconds(30), () -> pendingOf(run) == 0);
        List<Long> latencies = jdbc.sql("""
                SELECT (extract(epoch FROM published_at - created_at) * 1000)::bigint FROM outbox_event
                WHERE aggregate_id LIKE :p ORDER BY 1
                """).param("p", "AGG-" + run + "-%").query(Long.class).list();
        assertThat(latencies).hasSize(100);
        long p99 = latencies.get(98);
        assertThat(p99).as("p99 commit -> ack of other contracts while the poison retries, ms").isLessThan(1_000);

        keepTrafficUntil("poison chain parked", () -> parkedAt(poisoned) != null);
        assertThat(attemptsOf(poisoned)).isEqualTo(properties.maxAttempts());
        assertThat(pending(poisoned)).as("its later event waits behind it").isEqualTo(2);
        ParkedChain parked = operations.parked().stream().filter(p -> p.aggregateId().equals(poisoned)).findFirst().orElseThrow();
        assertThat(parked.waiting()).isEqualTo(1);
        assertThat(parked.eventType()).isEqualTo(PaddedEvent.TYPE.typeName());
        assertThat(parked.lastError()).contains("RecordTooLargeException");
        awaitCondition("parked gauge", Duration.ofSeconds(10), () -> meters.get("fni.outbox.parked").gauge().value() >= 1);

        // ops: bad requests are refused, then the skip is audited and the chain goes on
        SecurityContext ops = securityContext("ops@provider");
        assertThat(endpoint.act(poisoned, "skip", " ", ops).getStatus()).isEqualTo(400);
        assertThat(endpoint.act(poisoned, "resend", null, ops).getStatus()).isEqualTo(400);
        assertThat(endpoint.act("NO-SUCH-" + run, "retry", null, ops).getStatus()).isEqualTo(404);
        var skipped = endpoint.act(poisoned, "skip", "payload over the broker's size limit; resent by hand as ticket OPS-1", ops);
        assertThat(skipped.getStatus()).isEqualTo(200);
        awaitCondition("the later event published", Duration.ofSeconds(20), () -> pending(poisoned) == 0);
        Map<String, Object> audit = jdbc.sql("SELECT skipped_by, skip_reason, event_type, attempts FROM outbox_skipped_event "
                + "WHERE aggregate_id = :a").param("a", poisoned).query().singleRow();
        assertThat(audit).containsEntry("skipped_by", "ops@provider")
                .containsEntry("skip_reason", "payload over the broker's size limit; resent by hand as ticket OPS-1")
                .containsEntry("event_type", PaddedEvent.TYPE.typeName())
                .containsEntry("attempts", properties.maxAttempts());
        assertThat(operations.parked()).noneMatch(p -> p.aggregateId().equals(poisoned));
    }

    /**
     * A chain whose sends fail slowly (a broker that times out after seconds, as for a topic that
     * does not exist) is retried on its own: healthy contracts' events are not held behind it.
     * No broker here fails slowly on demand, so a publisher delays and fails that one contract's
     * sends; every other send goes to the real broker.
     */
    @Test
    void aChainThatFailsSlowlyHoldsUpNoOtherContract() throws Exception {
        String slow = "SLOW-" + UUID.randomUUID();
        OutboxPublisher real = new OutboxPublisher(streamBridge, properties.partitionKeyHeader(), properties.destinations(), acknowledgements);
        OutboxPublisher slowForOne = new OutboxPublisher(streamBridge, properties.partitionKeyHeader(), properties.destinations(), acknowledgements) {
            @Override
            java.util.concurrent.CompletableFuture<?> publish(OutboxRow row) {
                if (row.aggregateId().equals(slow)) {
                    sleepQuietly(Duration.ofSeconds(3));
                    throw new IllegalStateException("TimeoutException: Topic not present in metadata after 3000 ms");
                }
                return real.publish(row);
            }
        };
        OutboxRelay relay = new OutboxRelay(repository, slowForOne, metrics, tx(), new OutboxNotifications(dataSource), properties,
                Clock.systemUTC());
        contextRelay.stop();
        relay.start();
        try {
            tx().executeWithoutResult(s -> writer.append(TOPIC, new SequencedEvent(slow, 0, Instant.now())));
            awaitCondition("the slow chain failed once", Duration.ofSeconds(20), () -> triesOf(slow) >= 1);
            String run = UUID.randomUUID().toString().substring(0, 6);
            for (int i = 0; i < 60; i++) {
                String subject = "AGG-" + run + "-" + i;
                tx().executeWithoutResult(s -> writer.append(TOPIC, new SequencedEvent(subject, 0, Instant.now())));
                Thread.sleep(50);
            }
            awaitCondition("the 60 published", Duration.ofSeconds(30), () -> pendingOf(run) == 0);
            assertThat(triesOf(slow)).as("the slow chain kept being retried meanwhile").isGreaterThanOrEqualTo(2);
            List<Long> latencies = jdbc.sql("""
                    SELECT (extract(epoch FROM published_at - created_at) * 1000)::bigint FROM outbox_event
                    WHERE aggregate_id LIKE :p ORDER BY 1
                    """).param("p", "AGG-" + run + "-%").query(Long.class).list();
            assertThat(latencies.get(latencies.size() - 1)).as("slowest commit -> ack of the others, ms").isLessThan(1_500);
        } finally {
            relay.stop();
            contextRelay.start();
            jdbc.sql("UPDATE outbox_event SET published_at = now() WHERE aggregate_id = :a").param("a", slow).update();
        }
    }

    private int triesOf(String aggregate) {
        return jdbc.sql("SELECT coalesce(max(tries), 0) FROM outbox_event WHERE aggregate_id = :a").param("a", aggregate)
                .query(Integer.class).single();
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void anEventRefusedAsSuchIsParkedEvenWithNoOtherTraffic() throws Exception {
        String poisoned = "QUIET-" + UUID.randomUUID();
        tx().executeWithoutResult(s -> writer.append(TOPIC, PaddedEvent.ofSize(poisoned, 1_200_000)));
        awaitCondition("parked without other traffic", Duration.ofSeconds(30), () -> parkedAt(poisoned) != null);
        Map<String, Object> row = jdbc.sql("SELECT attempts, tries FROM outbox_event WHERE aggregate_id = :a")
                .param("a", poisoned).query().singleRow();
        assertThat(row).containsEntry("attempts", properties.maxAttempts()).containsEntry("tries", properties.maxAttempts());
        tx().executeWithoutResult(s -> operations.skip(poisoned, "test", "clean up"));
    }

    @Test
    void aRetriedChainGetsAFreshRoundOfAttempts() throws Exception {
        String poisoned = "RETRY-" + UUID.randomUUID();
        tx().executeWithoutResult(s -> writer.append(TOPIC, PaddedEvent.ofSize(poisoned, 1_200_000)));
        keepTrafficUntil("parked", () -> parkedAt(poisoned) != null);
        Instant firstParking = parkedAt(poisoned);
        assertThat(endpoint.act(poisoned, "retry", null, securityContext("ops@provider")).getStatus()).isEqualTo(200);
        assertThat(endpoint.act(poisoned, "retry", null, securityContext("ops@provider")).getStatus())
                .as("no longer parked").isEqualTo(404);
        keepTrafficUntil("parked again after a new round", () -> {
            Instant again = parkedAt(poisoned);
            return again != null && again.isAfter(firstParking);
        });
        assertThat(attemptsOf(poisoned)).isEqualTo(properties.maxAttempts());
        tx().executeWithoutResult(s -> operations.skip(poisoned, "test", "clean up"));
    }

    @Test
    void anUndeclaredDestinationIsRefusedAtWriteTimeAndNothingIsWritten() {
        String subject = "UNDECLARED-" + UUID.randomUUID();
        assertThatThrownBy(() -> tx().executeWithoutResult(s -> {
            jdbc.sql("INSERT INTO business_row (id) VALUES (:a)").param("a", subject).update();
            writer.append("platform-test-evnets", new SequencedEvent(subject, 0, Instant.now()));
        }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("platform-test-evnets")
                .hasMessageContaining("fni.outbox.destinations");
        assertThat(jdbc.sql("SELECT count(*) FROM business_row WHERE id = :a").param("a", subject)
                .query(Long.class).single()).as("the business write rolled back with it").isZero();
        assertThat(pending(subject)).isZero();
    }

    /** Writes one event of a fresh aggregate every 50 ms (the broker keeps taking events) until the condition holds. */
    private void keepTrafficUntil(String what, java.util.function.BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            String subject = "FILLER-" + UUID.randomUUID();
            tx().executeWithoutResult(s -> writer.append(TOPIC, new SequencedEvent(subject, 0, Instant.now())));
            Thread.sleep(50);
        }
    }

    static void awaitCondition(String what, Duration within, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + within + " waiting for: " + what);
            }
            Thread.sleep(20);
        }
    }

    static SecurityContext securityContext(String user) {
        return new SecurityContext() {
            @Override
            public Principal getPrincipal() {
                return () -> user;
            }

            @Override
            public boolean isUserInRole(String role) {
                return "OPS".equals(role);
            }
        };
    }

    private Instant parkedAt(String aggregate) {
        return jdbc.sql("SELECT min(parked_at) FROM outbox_event WHERE aggregate_id = :a AND published_at IS NULL")
                .param("a", aggregate).query(java.sql.Timestamp.class).optional().map(java.sql.Timestamp::toInstant).orElse(null);
    }

    private int attemptsOf(String aggregate) {
        return jdbc.sql("SELECT attempts FROM outbox_event WHERE aggregate_id = :a ORDER BY id LIMIT 1")
                .param("a", aggregate).query(Integer.class).single();
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
