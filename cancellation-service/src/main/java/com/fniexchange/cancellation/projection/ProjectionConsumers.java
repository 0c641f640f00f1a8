package com.fniexchange.cancellation.projection;

import com.fniexchange.model.event.contract.ContractActivated;
import com.fniexchange.model.event.contract.ContractCancelled;
import com.fniexchange.model.event.contract.ContractPendingReview;
import com.fniexchange.model.event.contract.ContractRejected;
import com.fniexchange.model.event.contract.ContractSubmitted;
import com.fniexchange.model.event.contract.ContractVoided;
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
                .on(ContractActivated.TYPE, ContractActivated.class,
                        (envelope, e) -> projection.statusChanged(envelope, e.contractNumber(), "ACTIVE", e.occurredAt()))
                .on(ContractPendingReview.TYPE, ContractPendingReview.class,
                        (envelope, e) -> projection.statusChanged(envelope, e.contractNumber(), "PENDING_REVIEW", e.occurredAt()))
                .on(ContractRejected.TYPE, ContractRejected.class,
                        (envelope, e) -> projection.statusChanged(envelope, e.contractNumber(), "REJECTED", e.occurredAt()))
                .on(ContractVoided.TYPE, ContractVoided.class,
                        (envelope, e) -> projection.statusChanged(envelope, e.contractNumber(), "VOIDED", e.occurredAt()))
                .on(ContractCancelled.TYPE, ContractCancelled.class,
                        (envelope, e) -> projection.statusChanged(envelope, e.contractNumber(), "CANCELLED", e.occurredAt())));
    }

    @Bean // binding claimEvents-in-0; fni.consumer.bindings.claimEvents.destination
    Consumer<Message<byte[]>> claimEvents(EventConsumers consumers, ContractProjection projection) {
        return consumers.of(EventHandlers.forConsumer("cancellation-claims-paid")
                .on(ClaimPaid.TYPE, ClaimPaid.class, projection::claimPaid));
    }
}
