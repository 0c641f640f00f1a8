package com.fniexchange.platform.consumer;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code fni.consumer.*}: how every event consumer of this service retries, and the input
 * bindings the platform sets up for it.
 *
 * @param maxAttempts    tries of a failing handler (each in a fresh transaction) before the
 *                       event goes to the dead-letter destination
 * @param backoffInitial pause after the first failed try; doubles up to {@code backoffMax}
 * @param backoffMax     longest pause between tries (also between tries to reach the dead-letter destination)
 * @param bindings       per consumer function bean: the stream it reads (see {@link ConsumerBindingDefaults})
 */
@Validated
@ConfigurationProperties("fni.consumer")
public record ConsumerProperties(
        @Min(1) @Max(100) @DefaultValue("5") int maxAttempts,
        @NotNull @DefaultValue("200ms") Duration backoffInitial,
        @NotNull @DefaultValue("5s") Duration backoffMax,
        @DefaultValue Map<String, Binding> bindings) {

    /**
     * One consumer function's input.
     *
     * @param destination the topic / event hub it reads
     * @param group       consumer group (Event Hubs: consumer group); default {@code spring.application.name}
     * @param concurrency consumer threads per instance; default the binder's (1)
     */
    public record Binding(String destination, String group, Integer concurrency) {
    }
}
