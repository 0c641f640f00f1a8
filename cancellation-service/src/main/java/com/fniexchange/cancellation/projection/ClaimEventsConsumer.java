package com.fniexchange.cancellation.projection;

import com.fniexchange.model.event.claim.ClaimPaid;
import com.fniexchange.platform.consumer.EventConsumers;
import com.fniexchange.platform.consumer.EventHandlers;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** cancellation-service's consumer of {@code claim-events}: each claim payment, for the claims deducted from a refund. */
@Configuration(proxyBeanMethods = false)
class ClaimEventsConsumer {

    @Bean // binding claimEvents-in-0; fni.consumer.bindings.claimEvents.destination
    Consumer<Message<byte[]>> claimEvents(EventConsumers consumers, ContractProjection projection) {
        return consumers.of(EventHandlers.forConsumer("cancellation-claims-paid")
                .on(ClaimPaid.TYPE, ClaimPaid.class, projection::claimPaid));
    }
}
