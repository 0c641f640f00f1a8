package com.fniexchange.cancellation.lifecycle;

import com.fniexchange.cancellation.CancellationProperties;
import com.fniexchange.cancellation.projection.ContractProjection;
import com.fniexchange.cancellation.projection.ProjectedContract;
import com.fniexchange.cancellation.refund.CancellationTerms;
import com.fniexchange.cancellation.refund.CoveredContract;
import com.fniexchange.cancellation.refund.Refund;
import com.fniexchange.cancellation.refund.RefundEngine;
import com.fniexchange.model.Money;
import com.fniexchange.platform.security.Caller;
import com.fniexchange.platform.calendar.BusinessCalendar;
import com.fniexchange.platform.web.InvalidField;
import com.fniexchange.platform.web.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quotes, requests, approvals and refund payments: each a locked read, the rule checks, the
 * change and its event in one transaction.
 */
@Service
class CancellationLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CancellationLifecycle.class);

    private final ContractProjection contracts;
    private final CancellationRepository cancellations;
    private final RefundRuleTable rules;
    private final CancellationEvents events;
    private final CancellationProperties properties;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final RefundEngine engine = new RefundEngine();

    CancellationLifecycle(ContractProjection contracts, CancellationRepository cancellations, RefundRuleTable rules, CancellationEvents events,
                  CancellationProperties properties, BusinessCalendar calendar, Clock clock) {
        this.contracts = contracts;
        this.cancellations = cancellations;
        this.rules = rules;
        this.events = events;
        this.properties = properties;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Transactional
    public RefundQuote quote(QuoteRequest request, Caller caller) {
        String number = request.contractNumber().toUpperCase(Locale.ROOT);
        ProjectedContract contract = contracts.find(number, caller.dealerScope())
                .orElseThrow(() -> new ProblemException.NotFound("contract", number));
        requireActive(contract);
        LocalDate today = calendar.today();
        checkTerms(request, contract, today);

        RefundRuleTable.StateRule rule = rules.forContract(contract.customerState(), contract.productCode(), today);
        Refund refund = engine.calculate(covered(contract, contract.customerPrice()),
                new CancellationTerms(request.cancelDate(), request.odometer(), request.reason().leavesLienOpen(), today),
                rule.rule());
        UUID quoteId = UUID.randomUUID();
        Instant now = now();
        cancellations.insertQuote(quoteId, contract, request, refund, rule.version(), contract.customerPrice(), caller.actor(), now,
                now.plus(properties.quoteValidity()));
        RefundQuote quote = cancellations.findQuote(quoteId, caller.dealerScope()).orElseThrow();
        events.quoted(quote);
        return quote;
    }

    @Transactional
    public Cancellation request(CancellationRequest request, Caller caller) {
        RefundQuote quote = cancellations.findQuote(request.quoteId(), caller.dealerScope())
                .orElseThrow(() -> new ProblemException.NotFound("refund quote", request.quoteId().toString()));
        // lock the contract first: one request at a time per contract, so the open check below holds
        ProjectedContract contract = contracts.lock(quote.contractNumber(), caller.dealerScope())
                .orElseThrow(() -> new ProblemException.NotFound("refund quote", request.quoteId().toString()));
        Instant now = now();
        if (quote.validUntil().isBefore(now)) {
            throw new ProblemException.BusinessRuleViolation("quote-expired", "refund quote " + quote.quoteId() + " expired at "
                    + quote.validUntil() + "; ask for a new quote", Map.of("expiredAt", quote.validUntil().toString()));
        }
        if (request.reason() != quote.reason()) {
            throw new ProblemException.BusinessRuleViolation("reason-differs-from-quote", "the quote was made for " + quote.reason()
                    + ", which decides the payee; ask for a new quote for " + request.reason());
        }
        requireActive(contract);
        cancellations.openCancellationOf(contract.contractNumber().value()).ifPresent(open -> {
            throw openAlready(contract, open);
        });
        if (!contract.claimsPaid().equals(quote.claimsPaid())) {
            throw new ProblemException.BusinessRuleViolation("quote-outdated", "claims paid on contract " + contract.contractNumber()
                    + " changed from " + quote.claimsPaid() + " to " + contract.claimsPaid() + " since the quote; ask for a new quote");
        }
        UUID id = UUID.randomUUID();
        if (!cancellations.insertRequested(id, quote, request.reason(), caller.actor(), now)) {
            // only the used quote can clash here: the open check above ran under the contract's lock
            throw new ProblemException.Conflict("quote-already-used", "Quote already used",
                    "refund quote " + quote.quoteId() + " was already used for a cancellation", Map.of());
        }
        Cancellation cancellation = cancellations.find(id, caller.dealerScope()).orElseThrow();
        events.requested(cancellation);
        log.info("cancellation {} of {} requested by {}: refund {}", id, contract.contractNumber(), caller.actor(), quote.refund());
        return cancellation;
    }

    @Transactional
    public Cancellation approve(UUID id, Caller caller) {
        Cancellation c = lockVisible(id, caller);
        requireStatus(c, "approve", CancellationStatus.REQUESTED);
        ProjectedContract contract = contracts.lock(c.contractNumber(), caller.dealerScope()).orElseThrow();
        requireActive(contract);
        // A claim paid after the quote (the request refuses an outdated quote, so after the request) changes
        // what the state rule lets the payee keep; refusing here would leave the cancellation stuck in
        // REQUESTED, so the refund is recomputed under the same rule and terms with the claims paid to date.
        Refund approvedRefund = recompute(c.quote(), contract);
        boolean recomputed = !sameAmounts(approvedRefund, c.quote());
        cancellations.markApproved(id, approvedRefund, recomputed, caller.actor(), now());
        Cancellation approved = cancellations.find(id, caller.dealerScope()).orElseThrow();
        events.approved(approved);
        if (recomputed) {
            log.info("cancellation {} of {} approved by {}: refund recomputed from {} to {} ({})", id, c.contractNumber(),
                    caller.actor(), c.quote().refund(), approved.refund(), approved.approvedRefund().recomputedBecause());
        } else {
            log.info("cancellation {} of {} approved by {}", id, c.contractNumber(), caller.actor());
        }
        return approved;
    }

    @Transactional
    public Cancellation refundPaid(UUID id, RefundPayment payment, Caller caller) {
        Cancellation c = lockVisible(id, caller);
        requireStatus(c, "record the refund payment of", CancellationStatus.APPROVED);
        if (payment.paidDate().isAfter(calendar.today())) {
            throw new ProblemException.InvalidFields(List.of(new InvalidField("paidDate", "must not be in the future")));
        }
        if (payment.paidDate().isBefore(c.quote().cancelDate())) {
            throw new ProblemException.InvalidFields(List.of(new InvalidField("paidDate",
                    "must not be before the cancel date " + c.quote().cancelDate())));
        }
        Instant now = now();
        cancellations.markRefundPaid(id, payment, caller.actor(), now);
        Cancellation paid = cancellations.find(id, caller.dealerScope()).orElseThrow();
        events.refundPaid(paid, now);
        log.info("cancellation {} of {}: refund {} paid by {} {}{}", id, c.contractNumber(), c.refund(), payment.method(),
                payment.reference(), paid.payment().paidLate() ? " (late)" : "");
        return paid;
    }

    /** What the refund depends on about the contract, at this customer price (the quote's at approval). */
    private static CoveredContract covered(ProjectedContract contract, Money customerPrice) {
        return new CoveredContract(customerPrice, contract.dealerCost(), contract.saleDate(), contract.termMonths(),
                contract.termMiles(), contract.odometerAtSale(), contract.claimsPaid(), contract.financed(), contract.lienholder(),
                contract.manufacturerWarrantyInForce());
    }

    /** The quote's refund under its own rule version and terms, with the claims paid on the contract now. */
    private Refund recompute(RefundQuote quote, ProjectedContract contract) {
        // the rule version the quote was computed under, however the rule has changed since
        RefundRuleTable.StateRule rule = rules.byCode(quote.rule().code(), quote.rule().version());
        return engine.calculate(covered(contract, quote.customerPrice()),
                new CancellationTerms(quote.cancelDate(), quote.odometer(), quote.reason().leavesLienOpen(),
                        LocalDate.ofInstant(quote.quotedAt(), calendar.zone())),
                rule.rule());
    }

    private static boolean sameAmounts(Refund refund, RefundQuote quote) {
        return refund.basis() == quote.basis() && refund.grossRefund().equals(quote.grossRefund())
                && refund.claimsPaid().equals(quote.claimsPaid()) && refund.claimsDeducted().equals(quote.claimsDeducted())
                && refund.fee().equals(quote.fee()) && refund.refund().equals(quote.refund())
                && refund.dealerChargeback().equals(quote.dealerChargeback()) && refund.providerShare().equals(quote.providerShare());
    }

    private void checkTerms(QuoteRequest request, ProjectedContract contract, LocalDate today) {
        List<InvalidField> errors = new java.util.ArrayList<>();
        if (request.cancelDate().isAfter(today)) {
            errors.add(new InvalidField("cancelDate", "must not be in the future"));
        } else if (request.cancelDate().isBefore(contract.saleDate())) {
            errors.add(new InvalidField("cancelDate", "must not be before the sale date " + contract.saleDate()));
        }
        if (contract.termMiles() != null) {
            if (request.odometer() == null) {
                errors.add(new InvalidField("odometer", "is required for a contract with a mileage term"));
            } else if (request.odometer() < contract.odometerAtSale()) {
                errors.add(new InvalidField("odometer", "must be at least the odometer at sale (" + contract.odometerAtSale() + ")"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException.InvalidFields(errors);
        }
    }

    private static void requireActive(ProjectedContract contract) {
        if (!contract.active()) {
            throw new ProblemException.BusinessRuleViolation("contract-not-active", "contract " + contract.contractNumber() + " is "
                    + contract.status() + "; only an ACTIVE contract can be cancelled", Map.of("contractStatus", contract.status()));
        }
    }

    private static ProblemException openAlready(ProjectedContract contract, UUID open) {
        return new ProblemException(HttpStatus.CONFLICT, "cancellation-already-open", "Cancellation already open",
                "contract " + contract.contractNumber() + " already has an open cancellation " + open,
                Map.of("openCancellationId", open.toString()));
    }

    private Cancellation lockVisible(UUID id, Caller caller) {
        return cancellations.lock(id, caller.dealerScope())
                .orElseThrow(() -> new ProblemException.NotFound("cancellation", id.toString()));
    }

    private static void requireStatus(Cancellation c, String action, CancellationStatus allowed) {
        if (c.status() != allowed) {
            throw new ProblemException.InvalidStateTransition("cancellation", c.cancellationId().toString(), c.status().name(), action);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
