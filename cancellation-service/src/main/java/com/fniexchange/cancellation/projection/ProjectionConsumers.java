package com.fniexchange.cancellation.projection;

import com.fniexchange.model.event.claim.ClaimPaid;
import com.fniexchange.model.event.contract.ContractSubmitted;
import com.fniexchange.platform.consumer.EventConsumers;
import com.fniexchange.platform.consumer.EventHandlers;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Keeps {@link ContractProjection} from contract-events and claim-events, through the platform's
 * consumer pattern (inbox de-duplication in the handler's transaction, retries, dead letters).
 * Remittances are not needed for refunds and are skipped.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionConsumers {

    @Bean // binding contractEvents-in-0; fni.consumer.bindings.contractEvents.destination
    Consumer<Message<byte[]>> contractEvents(EventConsumers consumers, ContractProjection projection) {
        return consumers.of(EventHandlers.forConsumer("cancellation-contract-projection")
                .on(ContractSubmitted.TYPE, ContractSubmitted.class, (envelope, e) -> projection.submitted(e))
                .onContractStatus(projection));
    }

    @Bean // binding claimEvents-in-0; fni.consumer.bindings.claimEvents.destination
    Consumer<Message<byte[]>> claimEvents(EventConsumers consumers, ContractProjection projection) {
        return consumers.of(EventHandlers.forConsumer("cancellation-claims-paid")
                .on(ClaimPaid.TYPE, ClaimPaid.class, projection::claimPaid));
    }
}
