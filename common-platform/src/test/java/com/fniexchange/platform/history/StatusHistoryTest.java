package com.fniexchange.platform.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fniexchange.testsupport.TestInfrastructure;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/** A status trail on real PostgreSQL: recorded and read back oldest first, per aggregate, nulls kept. */
@SpringBootTest
@ContextConfiguration(initializers = TestInfrastructure.class)
class StatusHistoryTest {

    enum Status { OPEN, APPROVED, CLOSED }

    record Change(Status from, Status to, String reason, String actor, Instant at) {
    }

    @Autowired
    JdbcClient jdbc;

    StatusHistory<Status> history;

    @BeforeEach
    void table() {
        jdbc.sql("""
                CREATE TABLE IF NOT EXISTS probe_status_history (id bigserial PRIMARY KEY, probe_id uuid NOT NULL,
                    from_status varchar(20), to_status varchar(20) NOT NULL, reason text, actor text NOT NULL,
                    changed_at timestamptz NOT NULL)""").update();
        history = StatusHistory.of(jdbc, "probe_status_history", "probe_id", Status.class);
    }

    @Test
    void changesAreReadBackOldestFirstForTheirAggregateOnly() {
        UUID probe = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-02T15:04:05.123456Z");
        history.record(probe, null, Status.OPEN, null, "dealer:D1001:u", at);
        history.record(other, null, Status.OPEN, null, "dealer:D2002:u", at);
        // recorded later with an earlier time: the order is the order of recording, as an audit trail reads
        history.record(probe, Status.OPEN, Status.APPROVED, "checked with dealer", "provider:p", at.minusSeconds(60));
        history.record(probe, Status.APPROVED, Status.CLOSED, null, "system", at.plusSeconds(60));

        assertThat(history.read(probe, Change::new)).containsExactly(
                new Change(null, Status.OPEN, null, "dealer:D1001:u", at),
                new Change(Status.OPEN, Status.APPROVED, "checked with dealer", "provider:p", at.minusSeconds(60)),
                new Change(Status.APPROVED, Status.CLOSED, null, "system", at.plusSeconds(60)));
        assertThat(history.read(other, Change::new)).extracting(Change::actor).containsExactly("dealer:D2002:u");
        assertThat(history.read(UUID.randomUUID(), Change::new)).isEmpty();
    }

    @Test
    void severalChangesAreRecordedInOneStatementInTheirOrder() {
        UUID probe = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-03T10:00:00Z");
        history.recordAll(probe, List.of(
                new StatusHistory.Entry<>(null, Status.OPEN, null, "dealer:D1001:u", at),
                new StatusHistory.Entry<>(Status.OPEN, Status.APPROVED, "auto-approved", "system", at)));
        history.recordAll(probe, List.of());

        assertThat(history.read(probe, Change::new)).containsExactly(
                new Change(null, Status.OPEN, null, "dealer:D1001:u", at),
                new Change(Status.OPEN, Status.APPROVED, "auto-approved", "system", at));
    }

    @Test
    void onlyPlainIdentifiersBecomeSql() {
        assertThatThrownBy(() -> StatusHistory.of(jdbc, "probe_status_history; DROP TABLE x", "probe_id", Status.class))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatusHistory.of(jdbc, "probe_status_history", "Probe Id", Status.class))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
