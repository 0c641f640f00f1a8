package com.fniexchange.platform.consumer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Refuses to start a service whose consumer reads a destination without a declared dead-letter
 * output binding ({@code <destination>-dlq-out-0}, see {@link DeadLetters#bindingOf}). The platform
 * declares it for {@code fni.consumer.bindings.<fn>.destination}; a destination set directly in
 * {@code spring.cloud.stream.bindings.<fn>-in-0.destination} gets none, and its dead letters would
 * go through a StreamBridge dynamic binding (not retried by the binding service when its first
 * bind fails). Runs once every bean exists, before any binding starts consuming.
 */
class DeadLetterBindingCheck implements SmartInitializingSingleton {

    private final Supplier<Map<String, EventConsumer>> consumers;
    private final Function<String, String> bindingDestination;
    private final String outputBindings;
    private final String functionDefinition;

    /**
     * @param consumers          the {@link EventConsumer} beans by bean (function) name
     * @param bindingDestination the destination an input binding reads (its name when none is configured)
     * @param outputBindings     {@code spring.cloud.stream.output-bindings} ({@code ;}-separated), may be null
     * @param functionDefinition {@code spring.cloud.function.definition}, may be null (every function is bound)
     */
    public DeadLetterBindingCheck(Supplier<Map<String, EventConsumer>> consumers, Function<String, String> bindingDestination,
                                  String outputBindings, String functionDefinition) {
        this.consumers = consumers;
        this.bindingDestination = bindingDestination;
        this.outputBindings = outputBindings;
        this.functionDefinition = functionDefinition;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Set<String> declared = split(outputBindings, "[;,]");
        Set<String> bound = functionDefinition == null ? null : split(functionDefinition, "[;|]");
        List<String> problems = new ArrayList<>();
        consumers.get().forEach((function, consumer) -> {
            if (bound != null && !bound.contains(function)) {
                return; // not bound, reads nothing
            }
            String input = function + "-in-0";
            String destination = bindingDestination.apply(input);
            // Kafka: one binding may read several topics ("a,b"); each dead-letters to its own
            for (String topic : split(destination, ",")) {
                if (!declared.contains(DeadLetters.bindingOf(topic))) {
                    problems.add("consumer " + consumer.consumer() + " (" + input + ") reads '" + topic
                            + "' but its dead-letter binding " + DeadLetters.bindingOf(topic) + " is not declared: set"
                            + " fni.consumer.bindings." + function + ".destination=" + destination
                            + " instead of spring.cloud.stream.bindings." + input + ".destination");
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems));
        }
    }

    private static Set<String> split(String list, String separators) {
        if (list == null) {
            return Set.of();
        }
        return Arrays.stream(list.split(separators)).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
