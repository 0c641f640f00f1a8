package com.fniexchange.contract.lifecycle;

import com.fniexchange.model.ContractStatus;
import com.fniexchange.contract.ContractProperties;
import com.fniexchange.model.event.cancellation.CancellationApproved;
import com.fniexchange.platform.security.Caller;
import com.fniexchange.platform.calendar.BusinessCalendar;
import com.fniexchange.platform.web.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Review (approve, reject) and void: each a locked read, a rule check, a status change and its event. */
@Service
class ContractLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ContractLifecycle.class);

    private final ContractRepository contracts;
    private final ContractEvents events;
    private final ContractProperties properties;
    private final BusinessCalendar calendar;
    private final Clock clock;

    ContractLifecycle(ContractRepository contracts, ContractEvents events, ContractProperties properties,
                      BusinessCalendar calendar, Clock clock) {
        this.contracts = contracts;
        this.events = events;
        this.properties = properties;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Transactional
    public Contract approve(String number, String note, Caller caller) {
        Contract c = lockVisible(number, caller);
        requireStatus(c, "approve", ContractStatus.PENDING_REVIEW);
        Instant now = now();
        change(c, ContractStatus.ACTIVE, note == null ? "approved" : note, caller, now);
        events.activated(c, caller.subject(), now);
        return contracts.get(c.contractNumber());
    }

    @Transactional
    public Contract reject(String number, String reason, Caller caller) {
        Contract c = lockVisible(number, caller);
        requireStatus(c, "reject", ContractStatus.PENDING_REVIEW);
        Instant now = now();
        change(c, ContractStatus.REJECTED, reason, caller, now);
        events.rejected(c, reason, caller.subject(), now);
        return contracts.get(c.contractNumber());
    }

    @Transactional
    public Contract voidContract(String number, String reason, Caller caller) {
        Contract c = lockVisible(number, caller);
        requireStatus(c, "void", ContractStatus.ACTIVE, ContractStatus.PENDING_REVIEW);
        // the window the contract was issued with, which claims-service keeps claims out of (contract.submitted.v1
        // voidableUntil): a void and a claim never both succeed; a contract from before it was kept has the window now
        LocalDate lastDay = c.voidableUntil() != null ? c.voidableUntil() : c.saleDate().plusDays(properties.voidWindowDays());
        if (calendar.today().isAfter(lastDay)) {
            throw new ProblemException.BusinessRuleViolation("void-window-closed", "contract " + number + " could be voided until "
                    + lastDay + " (" + java.time.temporal.ChronoUnit.DAYS.between(c.saleDate(), lastDay)
                    + " days after the sale); cancel it instead",
                    Map.of("voidWindowEnded", lastDay.toString()));
        }
        int claims = contracts.claimCount(c.contractNumber());
        if (claims > 0) {
            throw new ProblemException.Conflict("contract-has-claims", "Contract has claims", "contract " + number + " has "
                    + claims + " claim(s) and cannot be voided; cancel it instead", Map.of("claimCount", claims));
        }
        Instant now = now();
        change(c, ContractStatus.VOIDED, reason, caller, now);
        events.voided(c, reason, caller.actor(), now);
        return contracts.get(c.contractNumber());
    }

    /**
     * Cancels an ACTIVE contract on cancellation-service's approval. Replay-safe: a contract
     * already CANCELLED is left as it is (no second event).
     *
     * @throws IllegalStateException when the contract is unknown or neither ACTIVE nor CANCELLED:
     *                               the consumer dead-letters the approval for someone to look at
     */
    @Transactional
    public void cancel(CancellationApproved approval, Instant at) {
        String number = approval.contractNumber().value();
        Contract c = contracts.lock(number, java.util.Optional.empty())
                .orElseThrow(() -> new IllegalStateException("cancellation " + approval.cancellationId() + " names unknown contract " + number));
        if (c.status() == ContractStatus.CANCELLED) {
            log.info("contract {} already CANCELLED; cancellation {} changes nothing", number, approval.cancellationId());
            return;
        }
        if (c.status() != ContractStatus.ACTIVE) {
            throw new IllegalStateException("contract " + number + " is " + c.status() + ", not ACTIVE: cannot apply cancellation "
                    + approval.cancellationId());
        }
        Instant now = at.truncatedTo(ChronoUnit.MICROS);
        String reason = approval.reason() + " on " + approval.cancelDate() + " (cancellation " + approval.cancellationId() + ")";
        contracts.changeStatus(c.contractNumber(), ContractStatus.CANCELLED, List.of(), now);
        contracts.recordStatusChange(c.contractNumber(), c.status(), ContractStatus.CANCELLED, reason, approval.approvedBy(), now);
        log.info("contract {} ACTIVE -> CANCELLED by {}: {}", number, approval.approvedBy(), reason);
        events.cancelled(c, approval.cancellationId(), approval.cancelDate(), approval.reason(), now);
    }

    private Contract lockVisible(String number, Caller caller) {
        return contracts.lock(number, caller.dealerScope())
                .orElseThrow(() -> new ProblemException.NotFound("contract", number));
    }

    private static void requireStatus(Contract c, String action, ContractStatus... allowed) {
        if (!Set.of(allowed).contains(c.status())) {
            throw new ProblemException.InvalidStateTransition("contract", c.contractNumber().value(), c.status().name(), action);
        }
    }

    private void change(Contract c, ContractStatus to, String reason, Caller caller, Instant now) {
        contracts.changeStatus(c.contractNumber(), to, List.of(), now);
        contracts.recordStatusChange(c.contractNumber(), c.status(), to, reason, caller.actor(), now);
        log.info("contract {} {} -> {} by {}: {}", c.contractNumber(), c.status(), to, caller.actor(), reason);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
