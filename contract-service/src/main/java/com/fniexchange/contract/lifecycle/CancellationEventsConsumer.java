package com.fniexchange.contract.lifecycle;

import com.fniexchange.model.event.cancellation.CancellationApproved;
import com.fniexchange.platform.consumer.EventConsumers;
import com.fniexchange.platform.consumer.EventHandlers;
import java.time.Clock;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Closes the loop with cancellation-service: an approved cancellation cancels the contract and
 * publishes {@code contract.cancelled.v1}, in the inbox's transaction (platform consumer pattern).
 * The other cancellation events are not contract-service's business and are skipped.
 */
@Configuration(proxyBeanMethods = false)
class CancellationEventsConsumer {

    @Bean // binding cancellationEvents-in-0; fni.consumer.bindings.cancellationEvents.destination
    Consumer<Message<byte[]>> cancellationEvents(EventConsumers consumers, ContractLifecycle lifecycle, Clock clock) {
        return consumers.of(EventHandlers.forConsumer("contract-cancellations")
                .on(CancellationApproved.TYPE, CancellationApproved.class, (envelope, approval) -> lifecycle.cancel(approval, clock.instant())));
    }
}
