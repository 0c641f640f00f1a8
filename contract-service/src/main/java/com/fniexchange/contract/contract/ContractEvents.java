package com.fniexchange.contract.contract;

import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.DealerCode;
import com.fniexchange.model.ProductCode;
import com.fniexchange.model.Vin;
import com.fniexchange.model.event.contract.ContractActivated;
import com.fniexchange.model.event.contract.ContractEvent;
import com.fniexchange.model.event.contract.ContractPendingReview;
import com.fniexchange.model.event.contract.ContractSubmitted;
import com.fniexchange.platform.outbox.OutboxWriter;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Writes contract events to the outbox, inside the transaction of the change they describe. */
@Component
public class ContractEvents {

    private final OutboxWriter outbox;

    ContractEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    public void publish(ContractEvent event) {
        outbox.append(ContractEvent.DESTINATION, event);
    }

    void submitted(Contract c) {
        publish(new ContractSubmitted(ContractNumber.of(c.contractNumber()), DealerCode.of(c.dealerCode()), c.dealNumber(),
                ProductCode.of(c.productCode()), c.planCode(), c.quoteId(), Vin.of(c.vin()), c.odometer(),
                c.vehicleInServiceDate(), c.saleDate(), c.termMonths(), c.termMiles(), c.deductible(), c.dealerCost(),
                c.customerPrice(), c.financed(), c.lienholder(), c.customer().state(), c.submittedAt()));
    }

    void activated(Contract c, String approvedBy, Instant at) {
        publish(new ContractActivated(ContractNumber.of(c.contractNumber()), DealerCode.of(c.dealerCode()),
                approvedBy == null, approvedBy, at));
    }

    void pendingReview(Contract c, Instant at) {
        publish(new ContractPendingReview(ContractNumber.of(c.contractNumber()), DealerCode.of(c.dealerCode()),
                c.reviewReasons(), at));
    }
}
