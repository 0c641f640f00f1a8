package com.fniexchange.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox's meters: backlog gauges read from the table (so they are true even when the
 * relay is stuck or not running in this instance), published counts and latency.
 */
class OutboxMetrics {

    private static final Duration SAMPLE_TTL = Duration.ofSeconds(2);

    private final MeterRegistry registry;
    private final OutboxRepository repository;
    private final TransactionTemplate readOnly;
    private final Clock clock;
    private final Timer latency;
    private final Counter failures;
    private volatile OutboxRepository.Backlog backlog = new OutboxRepository.Backlog(0, 0, java.util.Optional.empty());
    private volatile Instant sampledAt = Instant.EPOCH;

    OutboxMetrics(MeterRegistry registry, OutboxRepository repository, TransactionTemplate readOnly, Clock clock) {
        this.registry = registry;
        this.repository = repository;
        this.readOnly = readOnly;
        this.clock = clock;
        Gauge.builder("fni.outbox.pending", this, m -> m.sample().pending())
                .description("Outbox events not yet acknowledged by the broker")
                .register(registry);
        Gauge.builder("fni.outbox.parked", this, m -> m.sample().parked())
                .description("Aggregates whose events stopped at one the broker kept refusing; ops retry or skip them")
                .register(registry);
        Gauge.builder("fni.outbox.oldest.age", this, m -> m.sample().oldestAgeSeconds(clock.instant()))
                .description("Age of the oldest unpublished outbox event")
                .baseUnit("seconds")
                .register(registry);
        this.latency = Timer.builder("fni.outbox.publish.latency")
                .description("From the outbox write to the broker's acknowledgement")
                .publishPercentileHistogram()
                .register(registry);
        this.failures = Counter.builder("fni.outbox.publish.failures")
                .description("Sends the broker did not acknowledge (retried)")
                .register(registry);
    }

    void published(OutboxRow row) {
        Counter.builder("fni.events.published")
                .description("Events acknowledged by the broker")
                .tag("type", row.eventType())
                .tag("destination", row.destination())
                .register(registry)
                .increment();
        latency.record(Duration.between(row.createdAt(), clock.instant()));
    }

    void failed() {
        failures.increment();
    }

    private OutboxRepository.Backlog sample() {
        Instant now = clock.instant();
        if (Duration.between(sampledAt, now).compareTo(SAMPLE_TTL) > 0) {
            try {
                backlog = readOnly.execute(s -> repository.backlog());
                sampledAt = now;
            } catch (RuntimeException e) {
                // keep the last sample: a scrape must not fail because the database blinked
            }
        }
        return backlog;
    }
}
