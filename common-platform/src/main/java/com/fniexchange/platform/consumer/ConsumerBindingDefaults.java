package com.fniexchange.platform.consumer;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code fni.consumer.bindings.<function>.*} into the input binding settings every
 * consumer needs, as lowest-precedence defaults (a service's own
 * {@code spring.cloud.stream.bindings.<function>-in-0.*} wins):
 * <ul>
 *   <li>destination, consumer group (default {@code spring.application.name}: one delivery per
 *       service, not per instance), JSON content type, concurrency when given;</li>
 *   <li>no binder retry ({@code max-attempts=1}): {@link EventConsumer} retries in-process and
 *       dead-letters itself, the same on every binder;</li>
 *   <li>Kafka: offsets committed per record once the consumer returned, a new group starts at
 *       the earliest offset, the binder's own DLQ off;</li>
 *   <li>Event Hubs: checkpoint per record once the consumer returned.</li>
 * </ul>
 * The function names are added to {@code spring.cloud.function.definition}, merged with any
 * definition the service already has (Spring Cloud Stream binds only the functions it names
 * once a service has more than one).
 */
public class ConsumerBindingDefaults implements EnvironmentPostProcessor, Ordered {

    static final String DEFAULTS = "fni-consumer-binding-defaults";
    static final String DEFINITION = "fni-consumer-function-definition";
    static final String FUNCTION_DEFINITION = "spring.cloud.function.definition";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, ConsumerProperties.Binding> bindings = Binder.get(environment)
                .bind("fni.consumer.bindings", Bindable.mapOf(String.class, ConsumerProperties.Binding.class))
                .orElse(Map.of());
        if (bindings.isEmpty()) {
            return;
        }
        Map<String, Object> defaults = new LinkedHashMap<>();
        bindings.forEach((function, binding) -> {
            if (binding.destination() == null || binding.destination().isBlank()) {
                throw new IllegalStateException("fni.consumer.bindings." + function + ".destination is required");
            }
            String in = "spring.cloud.stream.bindings." + function + "-in-0.";
            defaults.put(in + "destination", binding.destination());
            defaults.put(in + "group", binding.group() != null ? binding.group() : "${spring.application.name}");
            defaults.put(in + "content-type", "application/json");
            defaults.put(in + "consumer.max-attempts", "1");
            if (binding.concurrency() != null) {
                defaults.put(in + "consumer.concurrency", binding.concurrency().toString());
            }
            String kafka = "spring.cloud.stream.kafka.bindings." + function + "-in-0.consumer.";
            defaults.put(kafka + "ack-mode", "RECORD");
            defaults.put(kafka + "start-offset", "earliest");
            defaults.put(kafka + "enable-dlq", "false");
            String eventHubs = "spring.cloud.stream.eventhubs.bindings." + function + "-in-0.consumer.";
            defaults.put(eventHubs + "checkpoint.mode", "RECORD");
        });
        replace(environment, new MapPropertySource(DEFAULTS, defaults), false);

        Set<String> functions = new LinkedHashSet<>();
        String existing = environment.getProperty(FUNCTION_DEFINITION);
        if (existing != null) {
            Arrays.stream(existing.split(";")).map(String::strip).filter(f -> !f.isEmpty()).forEach(functions::add);
        }
        if (functions.addAll(bindings.keySet())) {
            // above the service's own definition, since it is merged into it
            replace(environment, new MapPropertySource(DEFINITION, Map.of(FUNCTION_DEFINITION, String.join(";", functions))),
                    existing != null);
        }
    }

    private static void replace(ConfigurableEnvironment environment, MapPropertySource source, boolean first) {
        environment.getPropertySources().remove(source.getName());
        if (first) {
            environment.getPropertySources().addFirst(source);
        } else {
            environment.getPropertySources().addLast(source);
        }
    }

    @Override
    public int getOrder() {
        // after Boot's config data processing, so application.yml and profiles are read
        return Ordered.LOWEST_PRECEDENCE;
    }
}
