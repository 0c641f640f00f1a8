package com.fniexchange.claims.coverage;

import com.fniexchange.model.event.contract.ContractSubmitted;
import com.fniexchange.platform.consumer.EventConsumers;
import com.fniexchange.platform.consumer.EventHandlers;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** claims-service's consumer of {@code contract-events}: submissions and status changes into {@link CoverageProjection}. */
@Configuration(proxyBeanMethods = false)
class ContractEventsConsumer {

    @Bean // binding contractEvents-in-0; destination in fni.consumer.bindings.contractEvents
    Consumer<Message<byte[]>> contractEvents(EventConsumers consumers, CoverageProjection projection) {
        return consumers.of(EventHandlers.forConsumer("claims-coverage")
                .on(ContractSubmitted.TYPE, ContractSubmitted.class, (envelope, e) -> projection.submitted(e))
                .onContractStatus(projection));
    }
}
