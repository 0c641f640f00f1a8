package com.fniexchange.platform.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code fni.events.consumed{consumer,type,outcome}}: every delivery and what became of it, and
 * {@code fni.events.consume.failures{consumer,type}}: tries that failed (retried or dead-lettered),
 * {@code fni.events.dead-letter.failures{consumer}}: sends to the dead-letter destination the
 * broker did not take, and {@code fni.events.dead-letter.stuck{consumer}}: listener threads held on
 * such a dead letter right now (their partitions do not move on; alert when above 0).
 * Duplicates are also counted by the inbox in {@code fni.inbox.duplicates}.
 */
class ConsumerMetrics {

    /** What became of one delivery. */
    public enum Outcome {
        /** the handler ran and its change committed with the inbox row */
        PROCESSED("processed"),
        /** the inbox had seen the event id: nothing changed */
        DUPLICATE("duplicate"),
        /** no handler for the type: skipped */
        IGNORED("ignored"),
        /** unreadable, or the handler kept failing: sent to {@code <destination>.dlq} */
        DEAD_LETTERED("dead-lettered");

        private final String tag;

        Outcome(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }

    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> stuck = new ConcurrentHashMap<>();

    public ConsumerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void consumed(String consumer, String type, Outcome outcome) {
        Counter.builder("fni.events.consumed")
                .description("Events delivered to a consumer, by what became of them")
                .tag("consumer", consumer)
                .tag("type", type)
                .tag("outcome", outcome.tag())
                .register(registry)
                .increment();
    }

    void failedTry(String consumer, String type) {
        Counter.builder("fni.events.consume.failures")
                .description("Handler tries that failed and rolled back")
                .tag("consumer", consumer)
                .tag("type", type)
                .register(registry)
                .increment();
    }

    /** Registers a consumer's gauge, so it reads 0 before anything went wrong (an alert needs the series). */
    void register(String consumer) {
        stuck(consumer);
    }

    void deadLetterRefused(String consumer) {
        Counter.builder("fni.events.dead-letter.failures")
                .description("Dead letters the broker did not take; the consumer keeps trying and does not move on")
                .tag("consumer", consumer)
                .register(registry)
                .increment();
    }

    /** A listener thread of the consumer is held on a dead letter the broker refused. */
    void stuckOnDeadLetter(String consumer) {
        stuck(consumer).incrementAndGet();
    }

    /** ...and is free again: the dead letter went out, or the thread gave up (shutdown). */
    void freedFromDeadLetter(String consumer) {
        stuck(consumer).decrementAndGet();
    }

    private AtomicInteger stuck(String consumer) {
        return stuck.computeIfAbsent(consumer, name -> {
            AtomicInteger threads = new AtomicInteger();
            // the map keeps the number strongly reachable: Micrometer holds gauge objects weakly
            Gauge.builder("fni.events.dead-letter.stuck", threads, AtomicInteger::get)
                    .description("Listener threads held on a dead letter the broker refuses; their partitions do not move on")
                    .tag("consumer", name)
                    .register(registry);
            return threads;
        });
    }
}
