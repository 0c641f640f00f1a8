package com.fniexchange.platform.retention;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Deletes platform rows past their retention ({@link PurgeTarget}s: published outbox rows,
 * processed inbox rows, expired idempotency keys) on a thread of its own, never the relay's.
 *
 * <p>One instance at a time: a run holds a session advisory lock on its own connection and is
 * skipped where another instance holds it. Rows go in batches of {@code fni.purge.batch-size},
 * each statement committing on its own, so a backlog of millions never becomes one long
 * transaction.
 */
class RetentionPurge implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);
    /** Two-int form (schema's purge, -1): apart from the one-bigint locks services take, and from the relay's buckets 0-15. */
    private static final String LOCK_KEY = "hashtext(current_schema() || '.retention-purge'), -1";

    private final DataSource dataSource;
    private final List<PurgeTarget> targets;
    private final RetentionProperties properties;
    private final MeterRegistry registry;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    public RetentionPurge(DataSource dataSource, List<PurgeTarget> targets, RetentionProperties properties,
                          MeterRegistry registry, Clock clock) {
        this.dataSource = dataSource;
        this.targets = List.copyOf(targets);
        this.properties = properties;
        this.registry = registry;
        this.clock = clock;
    }

    /** What one run did: rows deleted and statements run per target; {@code skipped} when another instance was purging. */
    public record Run(boolean skipped, Map<String, Long> deleted, Map<String, Integer> batches) {
    }

    /** Purges every target now, unless another instance is purging. */
    public Run runOnce() {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            if (!jdbc.sql("SELECT pg_try_advisory_lock(" + LOCK_KEY + ")").query(Boolean.class).single()) {
                return new Run(true, Map.of(), Map.of());
            }
            try {
                Map<String, Long> deleted = new LinkedHashMap<>();
                Map<String, Integer> batches = new LinkedHashMap<>();
                for (PurgeTarget target : targets) {
                    purge(jdbc, target, target.cutoff().apply(now), deleted, batches);
                }
                return new Run(false, deleted, batches);
            } finally {
                jdbc.sql("SELECT pg_advisory_unlock(" + LOCK_KEY + ")").query(Boolean.class).single();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("retention purge could not get a connection", e);
        }
    }

    private void purge(JdbcClient jdbc, PurgeTarget target, Instant cutoff, Map<String, Long> deleted, Map<String, Integer> batches) {
        long total = 0;
        int statements = 0;
        int last;
        do {
            last = target.deleteBatch(jdbc, cutoff, properties.batchSize());
            total += last;
            statements++;
        } while (last == properties.batchSize() && isRunningOrManual());
        deleted.put(target.name(), total);
        batches.put(target.name(), statements);
        if (total > 0) {
            registry.counter("fni.purge.deleted", "target", target.name()).increment(total);
            log.info("purged {} {} rows older than {} in {} batches", total, target.name(), cutoff, statements);
        }
    }

    private boolean isRunningOrManual() {
        return scheduler == null || !scheduler.isShutdown();
    }

    private void scheduledRun() {
        try {
            Run run = runOnce();
            if (run.skipped()) {
                log.debug("retention purge skipped: another instance is purging");
            }
        } catch (RuntimeException e) {
            log.warn("retention purge failed, next try in {}: {}", properties.interval(), e.getMessage());
        }
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "retention-purge");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::scheduledRun, properties.initialDelay().toMillis(),
                properties.interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }

    @Override
    public boolean isAutoStartup() {
        return properties.enabled() && !targets.isEmpty();
    }
}
