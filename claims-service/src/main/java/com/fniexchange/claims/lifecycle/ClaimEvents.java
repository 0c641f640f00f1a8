package com.fniexchange.claims.lifecycle;

import com.fniexchange.claims.coverage.Coverage;
import com.fniexchange.model.DealerCode;
import com.fniexchange.model.Money;
import com.fniexchange.model.event.claim.ClaimAuthorized;
import com.fniexchange.model.event.claim.ClaimClosed;
import com.fniexchange.model.event.claim.ClaimDenied;
import com.fniexchange.model.event.claim.ClaimEstimateSubmitted;
import com.fniexchange.model.event.claim.ClaimEvent;
import com.fniexchange.model.event.claim.ClaimOpened;
import com.fniexchange.model.event.claim.ClaimPaid;
import com.fniexchange.platform.outbox.OutboxWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Builds every claim event and writes it to the outbox, inside the transaction of the change it
 * describes (which holds the contract's coverage row lock, so a contract's claim events are
 * published in commit order). The one place a claim event is constructed.
 */
@Component
class ClaimEvents {

    private final OutboxWriter outbox;

    ClaimEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    void opened(Coverage coverage, UUID claimId, DealerCode facility, String repairOrder, LocalDate repairDate, int odometer,
                Instant at) {
        publish(new ClaimOpened(coverage.contractNumber(), claimId, coverage.dealerCode(), facility, repairOrder, repairDate,
                odometer, at));
    }

    void estimateSubmitted(Coverage coverage, Claim claim, ClaimTotals totals, boolean needsAdjuster, Instant at) {
        publish(new ClaimEstimateSubmitted(coverage.contractNumber(), claim.claimId(), coverage.dealerCode(), facility(claim),
                totals.gross(), totals.deductible(), totals.total(), needsAdjuster, at));
    }

    void authorized(Coverage coverage, Claim claim, String number, Money amount, boolean automatic, String by, Instant at) {
        publish(new ClaimAuthorized(coverage.contractNumber(), claim.claimId(), coverage.dealerCode(), facility(claim), number,
                amount, automatic, by, at));
    }

    void denied(Coverage coverage, Claim claim, String reason, String by, Instant at) {
        publish(new ClaimDenied(coverage.contractNumber(), claim.claimId(), coverage.dealerCode(), facility(claim), reason, by, at));
    }

    void paid(Coverage coverage, Claim claim, Money amount, Money paidToDate, LocalDate paidDate, Instant at) {
        publish(new ClaimPaid(coverage.contractNumber(), claim.claimId(), coverage.dealerCode(), facility(claim), amount,
                paidToDate, paidDate, at));
    }

    void closed(Coverage coverage, Claim claim, String disposition, String reason, Instant at) {
        publish(new ClaimClosed(coverage.contractNumber(), claim.claimId(), coverage.dealerCode(), facility(claim), disposition,
                reason, at));
    }

    private static DealerCode facility(Claim claim) {
        return DealerCode.of(claim.repairFacility());
    }

    private void publish(ClaimEvent event) {
        outbox.append(ClaimEvent.DESTINATION, event);
    }
}
