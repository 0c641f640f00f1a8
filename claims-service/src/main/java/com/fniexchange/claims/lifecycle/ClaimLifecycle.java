package com.fniexchange.claims.lifecycle;

import com.fniexchange.model.ContractStatus;
import com.fniexchange.claims.ClaimsProperties;
import com.fniexchange.claims.lifecycle.ClaimStatus.Action;
import com.fniexchange.claims.coverage.Coverage;
import com.fniexchange.claims.coverage.CoverageRules;
import com.fniexchange.claims.coverage.CoverageRepository;
import com.fniexchange.model.DealerCode;
import com.fniexchange.model.InvalidValueException;
import com.fniexchange.model.Money;
import com.fniexchange.model.Vin;
import com.fniexchange.platform.security.Caller;
import com.fniexchange.platform.calendar.BusinessCalendar;
import com.fniexchange.platform.web.InvalidField;
import com.fniexchange.platform.web.ProblemException;
import com.fniexchange.platform.web.RequestValue;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
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
 * Every claim change: a locked read (the contract's coverage row, then the claim), the transition
 * and rule checks, the change, its history and its event, in one transaction.
 */
@Service
class ClaimLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClaimLifecycle.class);
    private static final String SYSTEM = "system";

    private final ClaimRepository claims;
    private final CoverageRepository coverages;
    private final CoverageRules rules;
    private final ClaimEvents events;
    private final ClaimsProperties properties;
    private final BusinessCalendar calendar;
    private final Clock clock;

    ClaimLifecycle(ClaimRepository claims, CoverageRepository coverages, CoverageRules rules, ClaimEvents events,
                   ClaimsProperties properties, BusinessCalendar calendar, Clock clock) {
        this.claims = claims;
        this.coverages = coverages;
        this.rules = rules;
        this.events = events;
        this.properties = properties;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** A claim and the coverage of its contract, both row-locked (coverage first). */
    private record Locked(Coverage coverage, Claim claim) {
    }

    @Transactional
    public Claim open(ClaimRequests.OpenClaim request, Caller caller) {
        DealerCode facility = caller.requireDealer();
        if (request.repairDate().isAfter(calendar.today())) {
            throw new ProblemException.InvalidFields(List.of(new InvalidField("repairDate", "must not be after today")));
        }
        Coverage found = resolveContract(request);
        Coverage coverage = coverages.lock(found.contractNumber()).orElseThrow();
        rules.check(coverage, request.repairDate(), request.odometer());
        rules.checkNoLongerVoidable(coverage, calendar.today());
        Instant now = now();
        UUID claimId = UUID.randomUUID();
        String ro = request.repairOrderNumber().strip();
        boolean inserted = claims.insertUnlessDuplicate(new ClaimRepository.NewClaim(claimId, coverage.contractNumber().value(),
                facility, request.repairFacilityName().strip(), ro, request.repairDate(), request.odometer(),
                request.complaint().strip(), strip(request.cause()), strip(request.correction()), calendar.today(),
                caller.actor(), now));
        if (!inserted) {
            UUID existing = claims.claimOnRepairOrder(facility, ro).orElseThrow();
            throw new ProblemException.Conflict("duplicate-claim", "Claim already exists", "repair order " + ro
                    + " already has claim " + existing, Map.of("existingClaimId", existing.toString()));
        }
        claims.changeStatus(claimId, null, ClaimStatus.OPEN, null, caller.actor(), now);
        events.opened(coverage, claimId, facility, ro, request.repairDate(), request.odometer(), now);
        log.info("claim {} opened on contract {} by facility {} (RO {})", claimId, coverage.contractNumber(), facility, ro);
        return claims.get(claimId);
    }

    /**
     * The estimate, totalled once; at or under the threshold on a contract that still passes the
     * coverage checks and has the limit left, authorised at once: the facility gets its
     * authorisation number in this response.
     */
    @Transactional
    public Claim estimate(UUID claimId, ClaimRequests.Lines request, Caller caller) {
        Priced p = priced(claimId, request, caller, Action.ESTIMATE);
        Locked l = p.locked();
        RepairLines lines = p.lines();
        ClaimTotals totals = p.totals();
        String adjusterReason = adjusterReason(l, totals.total());
        boolean needsAdjuster = adjusterReason != null;
        Instant now = now();
        claims.recordEstimate(claimId, lines, totals, strip(request.cause()), strip(request.correction()), needsAdjuster,
                adjusterReason);
        claims.changeStatus(claimId, l.claim().status(), ClaimStatus.ESTIMATE_SUBMITTED, adjusterReason, caller.actor(), now);
        events.estimateSubmitted(l.coverage(), l.claim(), totals, needsAdjuster, now);
        if (!needsAdjuster) {
            authorize(l, ClaimStatus.ESTIMATE_SUBMITTED, totals.total(), true, SYSTEM, "auto-authorised", now);
        }
        return claims.get(claimId);
    }

    /** Why the estimate waits for an adjuster; null when it can be authorised at once. */
    private String adjusterReason(Locked l, Money total) {
        if (total.amount().compareTo(properties.adjusterThreshold()) > 0) {
            return "estimate total " + total + " is above the auto-authorisation threshold "
                    + properties.adjusterThreshold().setScale(2);
        }
        Money remaining = l.coverage().remainingLimit();
        if (remaining == null) {
            return "the contract's limit of liability is not known here";
        }
        if (total.compareTo(remaining) > 0) {
            return "estimate total " + total + " is above the " + remaining + " left of the limit of liability";
        }
        try {
            rules.check(l.coverage(), l.claim().repairDate(), l.claim().odometer());
        } catch (ProblemException e) {
            return "coverage changed since the claim was opened: " + e.getMessage();
        }
        return null;
    }

    @Transactional
    public Claim authorize(UUID claimId, ClaimRequests.Authorize request, Caller caller) {
        Locked l = lockVisible(claimId, caller);
        require(l.claim(), Action.AUTHORIZE);
        rules.check(l.coverage(), l.claim().repairDate(), l.claim().odometer());
        Money estimate = Money.of(l.claim().estimate().total());
        Money amount = request == null || request.amount() == null ? estimate : Money.of(request.amount());
        if (amount.compareTo(estimate) > 0) {
            throw new ProblemException.BusinessRuleViolation("exceeds-estimate", "the amount " + amount
                    + " is above the estimate total " + estimate, Map.of("amount", amount.amount(), "estimateTotal", estimate.amount()));
        }
        requireWithinLimit(l.coverage(), amount);
        authorize(l, l.claim().status(), amount, false, caller.subject(), request == null ? null : request.note(), now());
        return claims.get(claimId);
    }

    private void authorize(Locked l, ClaimStatus from, Money amount, boolean automatic, String by, String note, Instant at) {
        String number = claims.nextAuthorizationNumber();
        UUID id = l.claim().claimId();
        claims.recordAuthorization(id, number, amount, automatic, by, at);
        claims.changeStatus(id, from, ClaimStatus.AUTHORIZED, note, automatic ? SYSTEM : by, at);
        events.authorized(l.coverage(), l.claim(), number, amount, automatic, by, at);
        log.info("claim {} authorised {} for {} ({})", id, number, amount, automatic ? "automatic" : by);
    }

    @Transactional
    public Claim inspect(UUID claimId, String reason, Caller caller) {
        Locked l = lockVisible(claimId, caller);
        require(l.claim(), Action.INSPECT);
        claims.changeStatus(claimId, l.claim().status(), ClaimStatus.INSPECTION, reason, caller.actor(), now());
        return claims.get(claimId);
    }

    @Transactional
    public Claim deny(UUID claimId, String reason, Caller caller) {
        Locked l = lockVisible(claimId, caller);
        require(l.claim(), Action.DENY);
        Instant now = now();
        claims.recordDecision(claimId, null, reason.strip(), false);
        claims.changeStatus(claimId, l.claim().status(), ClaimStatus.DENIED, reason.strip(), caller.actor(), now);
        events.denied(l.coverage(), l.claim(), reason.strip(), caller.subject(), now);
        return claims.get(claimId);
    }

    @Transactional
    public Claim appeal(UUID claimId, String reason, Caller caller) {
        Locked l = lockVisible(claimId, caller);
        require(l.claim(), Action.APPEAL);
        // back in the adjuster's queue
        claims.recordDecision(claimId, null, null, true);
        claims.changeStatus(claimId, l.claim().status(), ClaimStatus.APPEALED, reason.strip(), caller.actor(), now());
        return claims.get(claimId);
    }

    @Transactional
    public Claim invoice(UUID claimId, ClaimRequests.Lines request, Caller caller) {
        Priced p = priced(claimId, request, caller, Action.INVOICE);
        claims.recordInvoice(claimId, p.lines(), p.totals(), strip(request.cause()), strip(request.correction()));
        claims.changeStatus(claimId, p.locked().claim().status(), ClaimStatus.INVOICED, null, caller.actor(), now());
        return claims.get(claimId);
    }

    /**
     * Pays at most the authorised amount, the invoice total and what is left of the contract's
     * limit of liability. The coverage row lock serialises payments on one contract, so two
     * racing payments cannot both fit under the limit.
     */
    @Transactional
    public Claim pay(UUID claimId, ClaimRequests.Pay request, Caller caller) {
        Locked l = lockVisible(claimId, caller);
        require(l.claim(), Action.PAY);
        Money authorized = Money.of(l.claim().authorization().authorizedAmount());
        Money invoiced = Money.of(l.claim().invoice().total());
        Money amount = request == null || request.amount() == null ? invoiced.min(authorized) : Money.of(request.amount());
        if (amount.compareTo(authorized) > 0) {
            throw new ProblemException.BusinessRuleViolation("exceeds-authorized-amount", "the payment " + amount
                    + " is above the authorised amount " + authorized + " (" + l.claim().authorization().authorizationNumber() + ")",
                    Map.of("amount", amount.amount(), "authorizedAmount", authorized.amount()));
        }
        if (amount.compareTo(invoiced) > 0) {
            throw new ProblemException.BusinessRuleViolation("exceeds-invoiced-amount", "the payment " + amount
                    + " is above the invoice total " + invoiced + " (after the deductible)",
                    Map.of("amount", amount.amount(), "invoiceTotal", invoiced.amount()));
        }
        requireWithinLimit(l.coverage(), amount);
        Instant now = now();
        LocalDate paidDate = calendar.today();
        Money paidToDate = coverages.addPayment(l.coverage().contractNumber(), amount);
        claims.recordPayment(claimId, amount, paidDate, now);
        claims.changeStatus(claimId, l.claim().status(), ClaimStatus.PAID, null, caller.actor(), now);
        events.paid(l.coverage(), l.claim(), amount, paidToDate, paidDate, now);
        log.info("claim {} paid {} on contract {} (paid to date {})", claimId, amount, l.coverage().contractNumber(), paidToDate);
        return claims.get(claimId);
    }

    @Transactional
    public Claim close(UUID claimId, ClaimRequests.Close request, Caller caller) {
        Locked l = lockVisible(claimId, caller);
        require(l.claim(), Action.CLOSE);
        String reason = request == null ? null : strip(request.reason());
        ClaimStatus from = l.claim().status();
        if (from == ClaimStatus.OPEN && (reason == null || reason.isEmpty())) {
            throw new ProblemException.InvalidFields(List.of(new InvalidField("reason", "is required to withdraw an OPEN claim")));
        }
        String disposition = ClaimStatus.DISPOSITION.get(from);
        String dispositionReason = from == ClaimStatus.PAID ? null : reason == null ? l.claim().dispositionReason() : reason;
        Instant now = now();
        claims.recordDecision(claimId, disposition, from == ClaimStatus.PAID ? null : reason, false);
        claims.changeStatus(claimId, from, ClaimStatus.CLOSED, reason, caller.actor(), now);
        events.closed(l.coverage(), l.claim(), disposition, dispositionReason, now);
        return claims.get(claimId);
    }

    private Coverage resolveContract(ClaimRequests.OpenClaim request) {
        String number = strip(request.contractNumber());
        String vin = strip(request.vin());
        if ((number == null || number.isEmpty()) && (vin == null || vin.isEmpty())) {
            throw new ProblemException.InvalidFields(List.of(new InvalidField("contractNumber", "give the contract number or the vin")));
        }
        if (number != null && !number.isEmpty()) {
            Coverage coverage = coverages.find(number.toUpperCase(Locale.ROOT))
                    .orElseThrow(() -> new ProblemException.NotFound("contract", number));
            if (vin != null && !vin.isEmpty() && !coverage.vin().value().equalsIgnoreCase(vin)) {
                throw new ProblemException.InvalidFields(List.of(new InvalidField("vin", "is not the vehicle of contract " + number)));
            }
            return coverage;
        }
        Vin vehicle = RequestValue.of("vin", vin, Vin::of);
        List<Coverage> live = coverages.onVehicle(vehicle).stream()
                .filter(c -> c.status() == ContractStatus.ACTIVE || c.status() == ContractStatus.CANCELLED).toList();
        if (live.isEmpty()) {
            throw new ProblemException.NotFound("contract on vehicle", vehicle.value());
        }
        if (live.size() > 1) {
            throw new ProblemException.BusinessRuleViolation("contract-ambiguous", "vehicle " + vehicle + " has " + live.size()
                    + " contracts; give the contract number", Map.of("contractNumbers",
                    String.join(", ", live.stream().map(c -> c.contractNumber().value()).toList())));
        }
        return live.get(0);
    }

    /** An estimate or invoice on a locked claim: the action allowed, its lines checked and totalled once. */
    private record Priced(Locked locked, RepairLines lines, ClaimTotals totals) {
    }

    private Priced priced(UUID claimId, ClaimRequests.Lines request, Caller caller, Action action) {
        Locked l = lockVisible(claimId, caller);
        require(l.claim(), action);
        RepairLines lines = requireLines(request.lines());
        return new Priced(l, lines, totals(lines, l.coverage().deductible()));
    }

    private Locked lockVisible(UUID claimId, Caller caller) {
        String contract = claims.contractOf(claimId, caller.dealerScope())
                .orElseThrow(() -> new ProblemException.NotFound("claim", claimId.toString()));
        Coverage coverage = coverages.lock(com.fniexchange.model.ContractNumber.of(contract)).orElseThrow();
        return new Locked(coverage, claims.lock(claimId));
    }

    private static void require(Claim claim, Action action) {
        if (!claim.status().allows(action)) {
            Map<String, Object> members = new LinkedHashMap<>();
            members.put("currentStatus", claim.status().name());
            members.put("action", action.word);
            members.put("allowedActions", String.join(", ", claim.status().allowedActions()));
            throw new ProblemException(HttpStatus.CONFLICT, "invalid-state-transition", "Action not allowed in the current status",
                    "cannot " + action.word + " claim " + claim.claimId() + " while it is " + claim.status() + "; allowed: "
                            + (claim.status().allowedActions().isEmpty() ? "nothing" : String.join(", ", claim.status().allowedActions())),
                    members);
        }
    }

    private static void requireWithinLimit(Coverage coverage, Money amount) {
        Money remaining = coverage.remainingLimit();
        if (remaining == null) {
            throw new ProblemException.BusinessRuleViolation("limit-of-liability-unknown", "contract " + coverage.contractNumber()
                    + " was published without a limit of liability; an administrator must settle it outside this API");
        }
        if (amount.compareTo(remaining) > 0) {
            Map<String, Object> numbers = new LinkedHashMap<>();
            numbers.put("amount", amount.amount());
            numbers.put("limitOfLiability", coverage.limitOfLiability().amount());
            numbers.put("paidToDate", coverage.paidToDate().amount());
            numbers.put("remainingLimit", remaining.amount());
            throw new ProblemException.BusinessRuleViolation("limit-of-liability-exceeded", "the amount " + amount + " is above the "
                    + remaining + " left of contract " + coverage.contractNumber() + "'s limit of liability "
                    + coverage.limitOfLiability() + " (" + coverage.paidToDate() + " paid to date)", numbers);
        }
    }

    private static RepairLines requireLines(RepairLines lines) {
        if (lines.isEmpty()) {
            throw new ProblemException.InvalidFields(List.of(new InvalidField("lines",
                    "needs at least one part or labour line, or a sublet, rental or towing charge")));
        }
        return lines;
    }

    /**
     * Each line is bounded by its own validation, but many large lines can still add up past what
     * an amount can hold: that is the request's fault, a 400 naming the lines, not a bare value error.
     */
    private static ClaimTotals totals(RepairLines lines, Money deductible) {
        try {
            return ClaimTotals.of(lines, deductible);
        } catch (InvalidValueException e) {
            throw new ProblemException.InvalidFields(List.of(new InvalidField("lines",
                    "add up to more than a claim can carry: " + e.getMessage())));
        }
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
