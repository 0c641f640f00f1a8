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
 * Publishes outbox rows to the broker, in id order per aggregate, at least once.
 *
 * <p>Several instances may run at once: each pass walks the 16 buckets and publishes a bucket
 * only while holding its transaction-scoped advisory lock, so one aggregate (always in one
 * bucket) has one publisher at a time and its order holds. A row is marked published in the
 * same transaction, after the synchronous send returned; a crash in between republishes it,
 * which consumers absorb through their inbox.
 *
 * <p>A failed send holds only its own aggregate's chain (later rows of that aggregate wait,
 * keeping order) with an exponential back-off per chain, so one event the broker refuses never
 * slows other aggregates. After {@code fni.outbox.max-attempts} failures counted while the broker
 * was taking other events, the chain is parked until ops retry or skip it
 * ({@link OutboxOperations}). Failures while nothing gets through (the broker is down) back off
 * the same way but do not count toward parking: an outage must not park every chain.
 */
public class OutboxRelay implements SmartLifecycle {

    /** Matches the generated {@code bucket} column of {@code outbox_event}. */
    static final int BUCKETS = 16;

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxRepository repository;
    private final OutboxPublisher publisher;
    private final OutboxMetrics metrics;
    private final TransactionTemplate transactions;
    private final OutboxNotifications notifications;
    private final OutboxProperties properties;
    private final Clock clock;

    private ExecutorService publishers;
    private ExecutorService senders;
    private ExecutorService retriers;
    /** Chains this instance is retrying now; their due back-off is not a reason to wake up again. */
    private final java.util.Set<String> retryingNow = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Set when a retry finished: the relay's wait ends within half a second. */
    private volatile boolean wakeRequested;
    /** Whether this instance held a chain that may still be backing off: only then is the next retry looked up. */
    private volatile boolean chainsHeld = true;
    private volatile boolean running;
    /** True while the relay waits for NOTIFY or the poll interval: everything it could publish is published. */
    private volatile boolean idle;
    /** When the broker last acknowledged one of our sends: failures count toward parking only while it does. */
    private volatile Instant lastAck = Instant.EPOCH;
    private Thread worker;

    OutboxRelay(OutboxRepository repository, OutboxPublisher publisher, OutboxMetrics metrics,
                TransactionTemplate transactions, OutboxNotifications notifications, OutboxProperties properties, Clock clock) {
        this.repository = repository;
        this.publisher = publisher;
        this.metrics = metrics;
        this.transactions = transactions;
        this.notifications = notifications;
        this.properties = properties;
        this.clock = clock;
        startPools();
    }

    /**
     * What one pass over the buckets did.
     *
     * @param retryingDue chains that failed before are due and wait for their own transaction
     */
    public record Pass(int published, int failed, boolean more, boolean retryingDue) {

        Pass(int published, int failed, boolean more) {
            this(published, failed, more, false);
        }
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
        int failed = 0;
        boolean more = false;
        boolean retryingDue = false;
        for (Future<Pass> future : passes) {
            Pass pass = await(future);
            published += pass.published();
            failed += pass.failed();
            more |= pass.more();
            retryingDue |= pass.retryingDue();
        }
        if (retryingDue) {
            retryDueChains();
        }
        return new Pass(published, failed, more, retryingDue);
    }

    /**
     * Starts a retry of every chain whose back-off is over, each on its own, without waiting:
     * a retry that fails slowly (a send timing out after seconds) then holds up no pass of the
     * healthy chains. One retry per chain at a time, across instances too (a chain lock).
     */
    private void retryDueChains() {
        for (String aggregate : transactions.execute(s -> repository.dueRetryingChains(properties.batchSize()))) {
            if (retryingNow.add(aggregate)) {
                try {
                    retriers.submit(() -> {
                        try {
                            retryChain(aggregate);
                        } catch (RuntimeException e) {
                            log.warn("outbox retry of chain {} failed: {}", aggregate, rootMessage(e));
                        } finally {
                            retryingNow.remove(aggregate);
                            // its next back-off (or its later events) may be due before the poll
                            wakeRequested = true;
                        }
                    });
                } catch (java.util.concurrent.RejectedExecutionException stopping) {
                    retryingNow.remove(aggregate);
                }
            }
        }
    }

    private void retryChain(String aggregate) {
        transactions.executeWithoutResult(status -> {
            if (!repository.tryOwnChain(aggregate)) {
                return;
            }
            List<OutboxRow> chain = repository.unpublishedChain(aggregate, properties.batchSize());
            if (chain.isEmpty() || !chain.get(0).retrying()) {
                return;
            }
            Chain result = send(chain);
            repository.markPublished(result.sent());
            if (result.failedRow() != null) {
                hold(result);
            }
        });
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
     * its chain and holds it (back-off, or parked); other chains go on. A chain that failed
     * before is left to {@link #retryDueChains()}: its head's {@code tries} say so, and its
     * later rows stay behind it because they are always read together with it (id order).
     */
    private Pass drainBucket(int bucket) {
        return transactions.execute(status -> {
            if (!repository.tryOwnBucket(bucket)) {
                return new Pass(0, 0, false);
            }
            List<OutboxRow> rows = repository.unpublished(bucket, properties.batchSize());
            Map<String, List<OutboxRow>> chains = new LinkedHashMap<>();
            rows.forEach(row -> chains.computeIfAbsent(row.aggregateId(), k -> new ArrayList<>()).add(row));
            boolean retryingDue = false;
            List<Future<Chain>> sending = new ArrayList<>(chains.size());
            for (List<OutboxRow> chain : chains.values()) {
                if (chain.get(0).retrying()) {
                    retryingDue = true;
                } else {
                    sending.add(senders.submit(() -> send(chain)));
                }
            }
            List<Long> sent = new ArrayList<>(rows.size());
            List<Chain> failedChains = new ArrayList<>();
            for (Future<Chain> future : sending) {
                Chain chain = await(future);
                sent.addAll(chain.sent());
                if (chain.failedRow() != null) {
                    failedChains.add(chain);
                }
            }
            repository.markPublished(sent);
            failedChains.forEach(this::hold);
            return new Pass(sent.size(), failedChains.size(), rows.size() == properties.batchSize(), retryingDue);
        });
    }

    /**
     * Backs the failed chain off, or parks it once its head failed max-attempts times in a way
     * that is about the event itself: the broker refused the event as such (too large, unknown
     * or forbidden topic, undeclared destination), or it took other events meanwhile. While
     * nothing gets through (an outage) the chain backs off but does not move toward parking.
     */
    private void hold(Chain chain) {
        chainsHeld = true;
        OutboxRow row = chain.failedRow();
        Instant now = clock.instant();
        Instant recent = now.minus(properties.backoffMax().multipliedBy(2));
        boolean counted = chain.refusedAsSuch() || lastAck.isAfter(recent) || repository.publishedSince(recent);
        int attempts = row.attempts() + (counted ? 1 : 0);
        boolean park = attempts >= properties.maxAttempts();
        repository.recordFailure(row.id(), chain.failure(), counted, now.plus(properties.backoff().after(row.tries() + 1)), park);
        if (park) {
            log.error("outbox chain {} parked: event {} ({} to {}) was refused {} times (tried {}); its later events wait "
                            + "behind it. Last reason: {}. Retry or skip it: /actuator/outbox",
                    row.aggregateId(), row.eventId(), row.eventType(), row.destination(), attempts, row.tries() + 1,
                    chain.failure());
        }
    }

    /**
     * What one aggregate's chain achieved: the rows acknowledged, and the row that failed, if
     * one did, with the reason and whether the broker refused that event as such.
     */
    private record Chain(List<Long> sent, OutboxRow failedRow, String failure, boolean refusedAsSuch) {
    }

    /** Errors that say the event itself (or its destination) is refused, whatever the broker's health. */
    private static final java.util.Set<String> REFUSED_AS_SUCH = java.util.Set.of(
            "RecordTooLargeException", "RecordBatchTooLargeException", "InvalidTopicException", "TopicAuthorizationException",
            "SerializationException", "UndeclaredDestinationException");

    private static boolean refusedAsSuch(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (REFUSED_AS_SUCH.contains(t.getClass().getSimpleName())) {
                return true;
            }
        }
        return false;
    }

    private Chain send(List<OutboxRow> chain) {
        List<Long> sent = new ArrayList<>(chain.size());
        for (OutboxRow row : chain) {
            try {
                publisher.publish(row);
            } catch (RuntimeException e) {
                metrics.failed();
                log.warn("outbox event {} ({}) of {} not acknowledged, its chain backs off: {}", row.eventId(), row.eventType(),
                        row.aggregateId(), rootMessage(e));
                return new Chain(sent, row, rootMessage(e), refusedAsSuch(e));
            }
            lastAck = clock.instant();
            sent.add(row.id());
            metrics.published(row);
        }
        return new Chain(sent, null, null, false);
    }

    private void startPools() {
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
        AtomicInteger retrierThreads = new AtomicInteger();
        this.retriers = Executors.newFixedThreadPool(Math.max(1, properties.senders() / 4), r -> {
            Thread t = new Thread(r, "outbox-retry-" + retrierThreads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Whether the relay is waiting for new rows (tests wait on this instead of sleeping). */
    boolean isIdle() {
        return running && idle;
    }

    private void run() {
        Duration pause = properties.backoffInitial();
        while (running) {
            try {
                wakeRequested = false;
                Pass pass = drainOnce();
                pause = properties.backoffInitial();
                if (!pass.more()) {
                    Duration wait = untilNextRetry();
                    idle = notifications.ensureListening();
                    try {
                        notifications.await(wait, () -> running && !wakeRequested);
                    } finally {
                        idle = false;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the database itself is unreachable: back off before the next pass
                log.warn("outbox relay pass failed: {}", rootMessage(e));
                sleepQuietly(pause);
                pause = min(pause.multipliedBy(2), properties.backoffMax());
            }
        }
    }

    /** The poll interval, or less when a backing-off chain is due sooner. */
    private Duration untilNextRetry() {
        Duration wait = properties.pollInterval();
        if (!chainsHeld) {
            // nothing backs off here (another instance's held chains are found by the next poll)
            return wait;
        }
        List<OutboxRepository.DueRetry> upcoming = transactions.execute(s -> repository.nextRetries(retryingNow.size() + 1));
        if (upcoming.isEmpty() && retryingNow.isEmpty()) {
            chainsHeld = false;
        }
        Instant next = upcoming.stream()
                .filter(due -> !retryingNow.contains(due.aggregateId()))
                .map(OutboxRepository.DueRetry::retryAt)
                .findFirst()
                .orElse(null);
        if (next != null) {
            Duration due = Duration.between(clock.instant(), next);
            wait = min(wait, due.isNegative() ? Duration.ofMillis(1) : due.plusMillis(1));
        }
        return wait;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        if (publishers.isShutdown()) {
            startPools();
        }
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }
    @Override
    public synchronized void stop() {
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
        retriers.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isAutoStartup() {
        // a consume-only service declares no destination and has nothing to publish
        return properties.relayEnabled() && !properties.destinations().isEmpty();
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
