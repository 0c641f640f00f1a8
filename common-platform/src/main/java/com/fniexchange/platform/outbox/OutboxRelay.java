package com.fniexchange.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows to the broker, in id order per aggregate, at least once.
 *
 * <p>A pass is one transaction: it takes the advisory lock of every bucket that has pending rows
 * and that no other instance holds, then reads those buckets' next rows (oldest first), sends each
 * aggregate's chain pipelined (all its sends, then one wait for their acknowledgements), marks
 * what the broker acknowledged as published, and commits. An idle pass is one statement, and a
 * pass's work grows with the pending rows only (two reads, one UPDATE). One aggregate (always in one bucket) has one
 * publisher at a time, so its order holds; a crash after a send and before the commit
 * republishes, which consumers absorb through their inbox.
 *
 * <p>A failed send holds only its own aggregate's chain (later rows of that aggregate wait,
 * keeping order) with an exponential back-off per chain, so one event the broker refuses never
 * slows other aggregates. After {@code fni.outbox.max-attempts} failures counted while the broker
 * was taking other events, the chain is parked until ops retry or skip it
 * ({@link OutboxOperations}). Failures while nothing gets through (the broker is down) back off
 * the same way but do not count toward parking: an outage must not park every chain.
 */
class OutboxRelay implements SmartLifecycle {

    /** Matches the generated {@code bucket} column of {@code outbox_event}. */
    static final int BUCKETS = 16;

    /**
     * Longest wait for one chain's acknowledgements; the producer's own delivery timeout
     * (PlatformDefaults) ends a send well before, so this only guards against a lost callback.
     */
    private static final Duration ACK_WAIT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxRepository repository;
    private final OutboxPublisher publisher;
    private final OutboxMetrics metrics;
    private final TransactionTemplate transactions;
    private final OutboxNotifications notifications;
    private final OutboxProperties properties;
    private final Clock clock;

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
     * One pass: every pending bucket this instance can take now, its next rows, each chain sent
     * pipelined on the sender pool (a synchronous binder's sends then still overlap across
     * chains), one UPDATE for everything acknowledged.
     */
    public Pass drainOnce() {
        Pass pass = transactions.execute(status -> {
            List<Integer> buckets = repository.takePendingBuckets();
            if (buckets.isEmpty()) {
                return new Pass(0, 0, false);
            }
            List<OutboxRow> rows = repository.unpublished(buckets, properties.batchSize());
            Map<String, List<OutboxRow>> chains = new LinkedHashMap<>();
            rows.forEach(row -> chains.computeIfAbsent(row.aggregateId(), k -> new ArrayList<>()).add(row));
            boolean retryingDue = false;
            List<Future<Dispatched>> sending = new ArrayList<>(chains.size());
            for (List<OutboxRow> chain : chains.values()) {
                if (chain.get(0).retrying()) {
                    retryingDue = true;
                } else {
                    sending.add(senders.submit(() -> dispatch(chain)));
                }
            }
            List<Long> sent = new ArrayList<>(rows.size());
            List<Chain> failedChains = new ArrayList<>();
            for (Future<Dispatched> future : sending) {
                Chain chain = await(future).acknowledged();
                sent.addAll(chain.sent());
                if (chain.failedRow() != null) {
                    failedChains.add(chain);
                }
            }
            repository.markPublished(sent);
            failedChains.forEach(this::hold);
            long healthy = rows.stream().filter(row -> !row.retrying()).count();
            return new Pass(sent.size(), failedChains.size(), healthy == properties.batchSize(), retryingDue);
        });
        if (pass.retryingDue()) {
            retryDueChains();
        }
        return pass;
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
            Chain result = dispatch(chain).acknowledged();
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

    /**
     * Sends a chain's rows one after another without waiting for the broker in between (the
     * producer keeps their order on the partition). A send that fails before it leaves ends the
     * chain there: its later rows are not sent, so they cannot overtake it.
     */
    private Dispatched dispatch(List<OutboxRow> chain) {
        List<CompletableFuture<?>> acks = new ArrayList<>(chain.size());
        for (OutboxRow row : chain) {
            CompletableFuture<?> ack;
            try {
                ack = publisher.publish(row);
            } catch (RuntimeException e) {
                ack = CompletableFuture.failedFuture(e);
            }
            acks.add(ack);
            if (ack.isCompletedExceptionally()) {
                break;
            }
        }
        return new Dispatched(chain, acks);
    }

    /** A chain whose sends are on their way: {@code acks} holds one future per row sent, in order. */
    private final class Dispatched {

        private final List<OutboxRow> chain;
        private final List<CompletableFuture<?>> acks;

        Dispatched(List<OutboxRow> chain, List<CompletableFuture<?>> acks) {
            this.chain = chain;
            this.acks = acks;
        }

        /** Waits for the chain's acknowledgements: the rows acknowledged in order up to the first that was not. */
        Chain acknowledged() {
            List<Long> sent = new ArrayList<>(acks.size());
            for (int i = 0; i < acks.size(); i++) {
                OutboxRow row = chain.get(i);
                try {
                    acks.get(i).get(ACK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return failed(sent, row, e);
                } catch (ExecutionException e) {
                    warnIfOvertaken(i);
                    return failed(sent, row, e.getCause() == null ? e : e.getCause());
                } catch (TimeoutException e) {
                    return failed(sent, row, e);
                }
                lastAck = clock.instant();
                sent.add(row.id());
                metrics.published(row);
            }
            return new Chain(sent, null, null, false);
        }

        /** A later event of the chain already acknowledged: consumers get it before the failed one (and again after). */
        private void warnIfOvertaken(int failedIndex) {
            for (int j = failedIndex + 1; j < acks.size(); j++) {
                if (acks.get(j).isDone() && !acks.get(j).isCompletedExceptionally()) {
                    log.warn("outbox event {} of {} acknowledged after an earlier event of its chain failed: consumers see it "
                            + "out of order and again after the retry", chain.get(j).eventId(), chain.get(j).aggregateId());
                }
            }
        }

        private Chain failed(List<Long> sent, OutboxRow row, Throwable e) {
            metrics.failed();
            log.warn("outbox event {} ({}) of {} not acknowledged, its chain backs off: {}", row.eventId(), row.eventType(),
                    row.aggregateId(), rootMessage(e));
            return new Chain(sent, row, rootMessage(e), refusedAsSuch(e));
        }
    }

    private void startPools() {
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
                // listen before reading: a commit the pass below does not see then still ends the wait after it
                notifications.ensureListening();
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
        if (senders.isShutdown()) {
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
