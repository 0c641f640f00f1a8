package com.fniexchange.platform.consumer;

import com.fniexchange.platform.inbox.Inbox;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.messaging.Message;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a service's {@link EventHandlers} into the function bean Spring Cloud Stream binds:
 *
 * <pre>{@code
 * @Bean
 * Consumer<Message<byte[]>> contractEvents(EventConsumers consumers, ContractProjection projection) {
 *     return consumers.of(EventHandlers.forConsumer("contract-projection")
 *             .on(ContractSubmitted.TYPE, ContractSubmitted.class, projection::submitted));
 * }
 * }</pre>
 *
 * The bean name ({@code contractEvents}) names the input binding ({@code contractEvents-in-0});
 * {@code fni.consumer.bindings.contractEvents.destination} says which stream it reads.
 */
public class EventConsumers {

    final Inbox inbox;
    final TransactionTemplate tx;
    final DeadLetters deadLetters;
    final ConsumerMetrics metrics;
    final ConsumerProperties properties;
    final Function<String, String> bindingDestination;

    /**
     * @param bindingDestination the destination an input binding reads (its name when none is configured)
     */
    EventConsumers(Inbox inbox, TransactionTemplate tx, DeadLetters deadLetters, ConsumerMetrics metrics,
                          ConsumerProperties properties, Function<String, String> bindingDestination) {
        this.inbox = inbox;
        this.tx = tx;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.properties = properties;
        this.bindingDestination = bindingDestination;
    }

    /**
     * The consumer function for these handlers; return it from a {@code @Bean} method. Each event
     * is handled once (the inbox, in the handler's transaction), retried with backoff, and
     * dead-lettered when it still fails.
     */
    public Consumer<Message<byte[]>> of(EventHandlers handlers) {
        return new EventConsumer(handlers, this);
    }
}
