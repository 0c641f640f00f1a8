package com.fniexchange.platform.outbox;

import com.fniexchange.platform.Backoff;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code fni.outbox.*}: the transactional outbox and its relay.
 *
 * @param source             CloudEvents {@code source} of everything this service publishes;
 *                           default {@code /fni-exchange/<spring.application.name>}
 * @param relayEnabled       run the relay in this instance (several instances may; they share work
 *                           safely); false for API-only instances, whose rows another instance publishes
 * @param pollInterval       fallback poll when no NOTIFY arrives (lost connection, missed wake-up)
 * @param batchSize          rows published per bucket per transaction
 * @param senders            chains dispatched in parallel (a pipelined Kafka send returns at once; a
 *                           synchronous binder's sends overlap across this many chains)
 * @param backoffInitial     first pause of an aggregate's chain after the broker refused its event;
 *                           doubles per failure up to {@code backoffMax}; other chains are not held
 * @param backoffMax         longest pause between two attempts of one chain
 * @param maxAttempts        failures of one event, while the broker took other events, after which its
 *                           chain is parked until ops retry or skip it
 * @param partitionKeyHeader message header the binder turns into the partition key
 *                           ({@code kafka_messageKey} for Kafka, {@code azure_partition_key} for Event Hubs)
 * @param retention          how long published rows are kept for audit before they are purged
 * @param destinations       the topics / event hubs this service publishes to (a YAML list or a
 *                           comma-separated string); each gets an output binding {@code <destination>-out-0}.
 *                           An event for any other destination is refused when it is written.
 */
@Validated
@ConfigurationProperties("fni.outbox")
public record OutboxProperties(
        String source,
        @DefaultValue("true") boolean relayEnabled,
        @NotNull @DefaultValue("1s") Duration pollInterval,
        @Min(1) @Max(1000) @DefaultValue("100") int batchSize,
        @Min(1) @Max(256) @DefaultValue("16") int senders,
        @NotNull @DefaultValue("200ms") Duration backoffInitial,
        @NotNull @DefaultValue("30s") Duration backoffMax,
        @Min(1) @DefaultValue("20") int maxAttempts,
        @NotBlank @DefaultValue("kafka_messageKey") String partitionKeyHeader,
        @NotNull @DefaultValue("3d") Duration retention,
        @DefaultValue List<String> destinations) {

    /** The per-chain back-off after a refused send. */
    Backoff backoff() {
        return new Backoff(backoffInitial, backoffMax);
    }
}
