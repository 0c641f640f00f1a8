package com.fniexchange.cancellation.projection;

import com.fniexchange.model.event.contract.ContractSubmitted;
import com.fniexchange.platform.consumer.EventConsumers;
import com.fniexchange.platform.consumer.EventHandlers;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * cancellation-service's consumer of {@code contract-events}: submissions and status changes into
 * {@link ContractProjection}, through the platform's consumer pattern (inbox de-duplication in the
 * handler's transaction, retries, dead letters). Remittances are not needed for refunds and are skipped.
 */
@Configuration(proxyBeanMethods = false)
class ContractEventsConsumer {

    @Bean // binding contractEvents-in-0; fni.consumer.bindings.contractEvents.destination
    Consumer<Message<byte[]>> contractEvents(EventConsumers consumers, ContractProjection projection) {
        return consumers.of(EventHandlers.forConsumer("cancellation-contract-projection")
                .on(ContractSubmitted.TYPE, ContractSubmitted.class, (envelope, e) -> projection.submitted(e))
                .onContractStatus(projection));
    }
}
