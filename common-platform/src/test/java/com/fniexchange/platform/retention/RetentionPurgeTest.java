package com.fniexchange.platform.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.fniexchange.testsupport.TestInfrastructure;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

@SpringBootTest
@ContextConfiguration(initializers = TestInfrastructure.class)
class RetentionPurgeTest {

    @Autowired
    RetentionPurge purge;
    @Autowired
    RetentionProperties properties;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void fiftyThousandRowsOfEachKindGoInBoundedBatchesAndLiveRowsStay() {
        assertThat(properties.batchSize()).isEqualTo(5000);
        // published a month ago (outbox retention 3 days), processed a month ago (inbox 14 days), keys expired
        jdbc.sql("""
                INSERT INTO outbox_event (event_id, destination, event_type, aggregate_id, payload, headers, occurred_at,
                                          created_at, published_at)
                SELECT gen_random_uuid(), 'platform-test-events', 'com.fniexchange.test.sequenced.v1', 'OLD-' || g, '{}', '{}',
                       now() - interval '30 days', now() - interval '30 days', now() - interval '30 days'
                FROM generate_series(1, 50000) g
                """).update();
        jdbc.sql("""
                INSERT INTO processed_event (event_id, consumer, event_type, processed_at)
                SELECT gen_random_uuid(), 'purge-test', 'com.fniexchange.test.sequenced.v1', now() - interval '30 days'
                FROM generate_series(1, 50000) g
                """).update();
        jdbc.sql("""
                INSERT INTO idempotency_key (caller, idem_key, request_hash, created_at, expires_at)
                SELECT 'dealer:PURGE', 'k-' || g, 'h', now() - interval '2 days', now() - interval '1 day'
                FROM generate_series(1, 50000) g
                """).update();
        // what must stay: unpublished however old, recently published, recently processed, live keys
        jdbc.sql("""
                INSERT INTO outbox_event (event_id, destination, event_type, aggregate_id, payload, headers, occurred_at,
                                          created_at, published_at)
                VALUES (gen_random_uuid(), 'x', 't', 'KEEP-UNPUBLISHED', '{}', '{}', now() - interval '90 days', now() - interval '90 days', NULL),
                       (gen_random_uuid(), 'x', 't', 'KEEP-RECENT', '{}', '{}', now(), now(), now() - interval '1 day')
                """).update();
        jdbc.sql("INSERT INTO processed_event (event_id, consumer, event_type, processed_at) "
                + "VALUES (gen_random_uuid(), 'purge-test', 't', now() - interval '1 day')").update();
        jdbc.sql("INSERT INTO idempotency_key (caller, idem_key, request_hash, created_at, expires_at) "
                + "VALUES ('dealer:PURGE', 'live', 'h', now(), now() + interval '1 day')").update();

        RetentionPurge.Run run = purge.runOnce();

        assertThat(run.skipped()).isFalse();
        assertThat(run.deleted()).containsEntry("outbox", 50_000L).containsEntry("inbox", 50_000L)
                .containsEntry("idempotency", 50_000L);
        // 10 full batches and one that finds nothing: never one 50,000-row statement
        assertThat(run.batches()).containsEntry("outbox", 11).containsEntry("inbox", 11).containsEntry("idempotency", 11);
        assertThat(count("SELECT count(*) FROM outbox_event WHERE aggregate_id LIKE 'OLD-%'")).isZero();
        assertThat(count("SELECT count(*) FROM outbox_event WHERE aggregate_id IN ('KEEP-UNPUBLISHED', 'KEEP-RECENT')")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM processed_event WHERE consumer = 'purge-test'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM idempotency_key WHERE caller = 'dealer:PURGE'")).isEqualTo(1);
        jdbc.sql("DELETE FROM outbox_event WHERE aggregate_id IN ('KEEP-UNPUBLISHED', 'KEEP-RECENT')").update();
    }

    @Test
    void oneInstanceAtATime() throws Exception {
        jdbc.sql("""
                INSERT INTO processed_event (event_id, consumer, event_type, processed_at)
                SELECT gen_random_uuid(), 'lock-test', 't', now() - interval '30 days' FROM generate_series(1, 10) g
                """).update();
        // another instance is purging: it holds the schema's purge lock on its own session
        try (Connection other = dataSource.getConnection(); Statement st = other.createStatement()) {
            st.execute("SELECT pg_advisory_lock(hashtext(current_schema() || '.retention-purge'), -1)");
            RetentionPurge.Run skipped = purge.runOnce();
            assertThat(skipped.skipped()).isTrue();
            assertThat(count("SELECT count(*) FROM processed_event WHERE consumer = 'lock-test'")).isEqualTo(10);
            st.execute("SELECT pg_advisory_unlock(hashtext(current_schema() || '.retention-purge'), -1)");
        }
        RetentionPurge.Run run = purge.runOnce();
        assertThat(run.skipped()).isFalse();
        assertThat(count("SELECT count(*) FROM processed_event WHERE consumer = 'lock-test'")).isZero();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
