package com.fniexchange.cancellation.lifecycle;

import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.DealerCode;
import com.fniexchange.model.event.cancellation.CancellationApproved;
import com.fniexchange.model.event.cancellation.CancellationEvent;
import com.fniexchange.model.event.cancellation.CancellationQuoted;
import com.fniexchange.model.event.cancellation.CancellationRefundPaid;
import com.fniexchange.model.event.cancellation.CancellationRequested;
import com.fniexchange.platform.outbox.OutboxWriter;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Builds every cancellation event and writes it to the outbox, inside the transaction of the
 * change it describes. The one place a cancellation event is constructed.
 */
@Component
class CancellationEvents {

    private final OutboxWriter outbox;

    CancellationEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    void quoted(RefundQuote q) {
        publish(new CancellationQuoted(number(q), dealer(q), q.quoteId(), q.reason().name(), q.cancelDate(), q.odometer(),
                q.rule().code(), q.rule().version(), q.rule().method().name(), q.basis().name(), q.grossRefund(), q.claimsDeducted(), q.fee(), q.refund(),
                q.dealerChargeback(), q.providerShare(), q.payee().name(), q.lienholder(), q.refundDueDate(), q.validUntil(),
                q.quotedAt()));
    }

    void requested(Cancellation c) {
        publish(new CancellationRequested(number(c.quote()), dealer(c.quote()), c.cancellationId(), c.quote().quoteId(),
                c.reason().name(), c.quote().cancelDate(), c.quote().refund(), c.requestedBy(), c.requestedAt()));
    }

    void approved(Cancellation c) {
        publish(new CancellationApproved(number(c.quote()), dealer(c.quote()), c.cancellationId(), c.reason().name(),
                c.quote().cancelDate(), c.refund(), c.dealerChargeback(), c.approvedRefund().claimsDeducted(),
                c.approvedRefund().recomputedAtApproval(), c.quote().payee().name(),
                c.quote().refundDueDate(), c.approvedBy(), c.approvedAt()));
    }

    void refundPaid(Cancellation c, Instant at) {
        Cancellation.Payment p = c.payment();
        publish(new CancellationRefundPaid(number(c.quote()), dealer(c.quote()), c.cancellationId(), c.refund(),
                c.quote().payee().name(), p.method().name(), p.reference(), p.paidDate(), c.quote().refundDueDate(), p.paidLate(), at));
    }

    private static ContractNumber number(RefundQuote q) {
        return ContractNumber.of(q.contractNumber());
    }

    private static DealerCode dealer(RefundQuote q) {
        return DealerCode.of(q.dealerCode());
    }

    private void publish(CancellationEvent event) {
        outbox.append(CancellationEvent.DESTINATION, event);
    }
}
