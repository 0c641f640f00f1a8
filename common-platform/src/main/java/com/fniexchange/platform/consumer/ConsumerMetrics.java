package com.fniexchange.platform.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code fni.events.consumed{consumer,type,outcome}}: every delivery and what became of it, and
 * {@code fni.events.consume.failures{consumer,type}}: tries that failed (retried or dead-lettered).
 * Duplicates are also counted by the inbox in {@code fni.inbox.duplicates}.
 */
public class ConsumerMetrics {

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
}
