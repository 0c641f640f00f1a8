package com.fniexchange.contract.lifecycle;

import com.fniexchange.model.ContractStatus;
import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.DealerCode;
import com.fniexchange.model.Money;
import com.fniexchange.model.event.contract.ContractActivated;
import com.fniexchange.model.event.contract.ContractCancelled;
import com.fniexchange.model.event.contract.ContractEvent;
import com.fniexchange.model.event.contract.ContractPendingReview;
import com.fniexchange.model.event.contract.ContractRejected;
import com.fniexchange.model.event.contract.ContractRemitted;
import com.fniexchange.model.event.contract.ContractSubmitted;
import com.fniexchange.model.event.contract.ContractVoided;
import com.fniexchange.platform.outbox.OutboxWriter;
import java.time.Instant;
import java.util.List;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Builds every contract event and writes it to the outbox, inside the transaction of the
 * change it describes. The one place a contract event is constructed.
 */
@Component
class ContractEvents {

    private final OutboxWriter outbox;

    ContractEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /**
     * A contract just issued: {@code submitted}, then {@code activated} or {@code pending-review},
     * written together.
     */
    void issued(Contract c) {
        ContractEvent decision = c.status() == ContractStatus.ACTIVE
                ? new ContractActivated(c.contractNumber(), c.dealerCode(), true, null, c.submittedAt())
                : new ContractPendingReview(c.contractNumber(), c.dealerCode(), c.reviewReasons(), c.submittedAt());
        outbox.appendAll(ContractEvent.DESTINATION, List.of(submitted(c), decision));
    }

    private static ContractSubmitted submitted(Contract c) {
        return new ContractSubmitted(c.contractNumber(), c.dealerCode(), c.dealNumber(), c.productCode(), c.planCode(),
                c.quoteId(), c.vin(), c.odometer(), c.vehicleInServiceDate(), c.saleDate(), c.termMonths(), c.termMiles(),
                c.deductible(), c.dealerCost(), c.customerPrice(), c.financed(), c.lienholder(), c.customer().state(),
                c.make(), c.limitOfLiability(), c.manufacturerWarrantyInForce(), c.voidableUntil(), c.submittedAt());
    }

    /** @param approvedBy null when approved automatically */
    void activated(Contract c, String approvedBy, Instant at) {
        publish(new ContractActivated(c.contractNumber(), c.dealerCode(), approvedBy == null, approvedBy, at));
    }

    void rejected(Contract c, String reason, String rejectedBy, Instant at) {
        publish(new ContractRejected(c.contractNumber(), c.dealerCode(), reason, rejectedBy, at));
    }

    void voided(Contract c, String reason, String voidedBy, Instant at) {
        publish(new ContractVoided(c.contractNumber(), c.dealerCode(), reason, voidedBy, at));
    }

    void cancelled(Contract c, UUID cancellationId, LocalDate cancelDate, String reason, Instant at) {
        publish(new ContractCancelled(c.contractNumber(), c.dealerCode(), cancellationId, cancelDate, reason, at));
    }

    void remitted(ContractNumber number, DealerCode dealer, UUID remittanceId, Money dealerCost, Instant at) {
        publish(new ContractRemitted(number, dealer, remittanceId, dealerCost, at));
    }

    private void publish(ContractEvent event) {
        outbox.append(ContractEvent.DESTINATION, event);
    }
}
