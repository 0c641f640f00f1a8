package com.fniexchange.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows to the broker, in id order per bucket, at least once.
 *
 * <p>Several instances may run at once: each pass walks the 16 buckets and publishes a bucket
 * only while holding its transaction-scoped advisory lock, so one aggregate (always in one
 * bucket) has one publisher at a time and its order holds. A row is marked published in the
 * same transaction, after the synchronous send returned; a crash in between republishes it,
 * which consumers absorb through their inbox. When a send fails the bucket stops there (later
 * rows of that aggregate wait, keeping order) and the relay backs off exponentially.
 */
public class OutboxRelay implements SmartLifecycle {

    /** Matches the generated {@code bucket} column of {@code outbox_event}. */
    static final int BUCKETS = 16;

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final OutboxRepository repository;
    private final OutboxPublisher publisher;
    private final OutboxMetrics metrics;
    private final TransactionTemplate transactions;
    private final OutboxNotifications notifications;
    private final OutboxProperties properties;
    private final Clock clock;

    private final ExecutorService publishers;
    private final ExecutorService senders;
    private volatile boolean running;
    private Thread worker;
    private Instant nextPurge = Instant.EPOCH;

    OutboxRelay(OutboxRepository repository, OutboxPublisher publisher, OutboxMetrics metrics,
                TransactionTemplate transactions, OutboxNotifications notifications, OutboxProperties properties, Clock clock) {
        this.repository = repository;
        this.publisher = publisher;
        this.metrics = metrics;
        this.transactions = transactions;
        this.notifications = notifications;
        this.properties = properties;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.publishers = Executors.newFixedThreadPool(properties.publishers(), r -> {
            Thread t = new Thread(r, "outbox-publisher-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        AtomicInteger senderThreads = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(properties.senders(), r -> {
            Thread t = new Thread(r, "outbox-sender-" + senderThreads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** What one pass over the buckets did. */
    public record Pass(int published, boolean failed, boolean more) {
    }

    /**
     * One pass over every bucket this instance can take now, {@code fni.outbox.publishers}
     * buckets at a time: sends are synchronous, so parallel buckets are what makes throughput,
     * while each bucket (and so each aggregate) still has one publisher.
     */
    public Pass drainOnce() {
        List<Future<Pass>> passes = new ArrayList<>(BUCKETS);
        for (int bucket = 0; bucket < BUCKETS; bucket++) {
            int b = bucket;
            passes.add(publishers.submit(() -> drainBucket(b)));
        }
        int published = 0;
        boolean failed = false;
        boolean more = false;
        for (Future<Pass> future : passes) {
            Pass pass = await(future);
            published += pass.published();
            failed |= pass.failed();
            more |= pass.more();
        }
        return new Pass(published, failed, more);
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /**
     * Publishes one bucket's next batch. Rows of one aggregate form a chain sent one after
     * another; chains of different aggregates are sent side by side, since only each aggregate's
     * own order matters and a synchronous send mostly waits for the broker. A failed send ends
     * its chain (that aggregate's later rows wait for the next pass); other chains go on.
     */
    private Pass drainBucket(int bucket) {
        return transactions.execute(status -> {
            if (!repository.tryOwnBucket(bucket)) {
                return new Pass(0, false, false);
            }
            List<OutboxRow> rows = repository.unpublished(bucket, properties.batchSize());
            Map<String, List<OutboxRow>> chains = new LinkedHashMap<>();
            rows.forEach(row -> chains.computeIfAbsent(row.aggregateId(), k -> new ArrayList<>()).add(row));
            List<Future<Chain>> sending = new ArrayList<>(chains.size());
            chains.values().forEach(chain -> sending.add(senders.submit(() -> send(chain))));
            List<Long> sent = new ArrayList<>(rows.size());
            boolean failed = false;
            for (Future<Chain> future : sending) {
                Chain chain = await(future);
                sent.addAll(chain.sent());
                if (chain.failedRow() != null) {
                    failed = true;
                    repository.recordFailure(chain.failedRow().id(), chain.failure());
                }
            }
            repository.markPublished(sent);
            return new Pass(sent.size(), failed, failed || rows.size() == properties.batchSize());
        });
    }

    /** What one aggregate's chain achieved: the rows acknowledged, and the row that failed, if one did. */
    private record Chain(List<Long> sent, OutboxRow failedRow, String failure) {
    }

    private Chain send(List<OutboxRow> chain) {
        List<Long> sent = new ArrayList<>(chain.size());
        for (OutboxRow row : chain) {
            try {
                publisher.publish(row);
            } catch (RuntimeException e) {
                metrics.failed();
                log.warn("outbox event {} ({}) not acknowledged, will retry: {}", row.eventId(), row.eventType(), rootMessage(e));
                return new Chain(sent, row, rootMessage(e));
            }
            sent.add(row.id());
            metrics.published(row);
        }
        return new Chain(sent, null, null);
    }

    private void run() {
        Duration backoff = properties.backoffInitial();
        while (running) {
            try {
                purgeWhenDue();
                Pass pass = drainOnce();
                if (pass.failed()) {
                    Thread.sleep(backoff.toMillis());
                    backoff = min(backoff.multipliedBy(2), properties.backoffMax());
                    continue;
                }
                backoff = properties.backoffInitial();
                if (!pass.more()) {
                    notifications.await(properties.pollInterval(), () -> running);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the database itself is unreachable: same back-off as a broker outage
                log.warn("outbox relay pass failed: {}", rootMessage(e));
                sleepQuietly(backoff);
                backoff = min(backoff.multipliedBy(2), properties.backoffMax());
            }
        }
    }

    private void purgeWhenDue() {
        Instant now = clock.instant();
        if (now.isAfter(nextPurge)) {
            int purged = transactions.execute(s -> repository.purgePublishedBefore(now.minus(properties.retention())));
            if (purged > 0) {
                log.info("purged {} outbox events published before {}", purged, now.minus(properties.retention()));
            }
            nextPurge = now.plus(PURGE_EVERY);
        }
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            try {
                worker.join(5_000);
                if (worker.isAlive()) {
                    worker.interrupt();
                    worker.join(5_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        notifications.close();
        publishers.shutdown();
        senders.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isAutoStartup() {
        return properties.relayEnabled();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
