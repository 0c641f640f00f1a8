package com.fniexchange.contract.lifecycle;

import com.fniexchange.model.ContractStatus;
import com.fniexchange.contract.ContractProperties;
import com.fniexchange.contract.rating.PlanCatalog;
import com.fniexchange.contract.rating.QuoteRepository;
import com.fniexchange.contract.rating.QuoteRepository.QuoteToContract;
import com.fniexchange.contract.rating.QuoteRepository.QuotedPlan;
import com.fniexchange.contract.rating.QuoteRepository.StoredQuote;
import com.fniexchange.contract.rating.RetailRule;
import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.DealerCode;
import com.fniexchange.model.Money;
import com.fniexchange.model.ProductCode;
import com.fniexchange.model.Vin;
import com.fniexchange.platform.security.Caller;
import com.fniexchange.platform.calendar.BusinessCalendar;
import com.fniexchange.platform.web.InvalidField;
import com.fniexchange.platform.web.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a dealer's contract on a quote: checks every contracting rule, issues the contract
 * number, decides auto-approval, and writes the contract, its history and its events in one
 * transaction.
 */
@Service
class ContractIntake {

    private static final Logger log = LoggerFactory.getLogger(ContractIntake.class);

    private final QuoteRepository quotes;
    private final PlanCatalog catalog;
    private final ContractRepository contracts;
    private final AutoApproval autoApproval;
    private final ContractEvents events;
    private final ContractProperties properties;
    private final BusinessCalendar calendar;
    private final Clock clock;

    ContractIntake(QuoteRepository quotes, PlanCatalog catalog, ContractRepository contracts, AutoApproval autoApproval,
                   ContractEvents events, ContractProperties properties, BusinessCalendar calendar, Clock clock) {
        this.quotes = quotes;
        this.catalog = catalog;
        this.contracts = contracts;
        this.autoApproval = autoApproval;
        this.events = events;
        this.properties = properties;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Transactional
    public Contract submit(ContractSubmission submission, Caller caller) {
        DealerCode dealer = caller.requireDealer();
        if (Boolean.TRUE.equals(submission.financed()) && (submission.lienholder() == null || submission.lienholder().isBlank())) {
            throw new ProblemException.InvalidFields(List.of(new InvalidField("lienholder", "is required when financed is true")));
        }
        QuoteToContract found = quotes.findToContract(submission.quoteId(), dealer, submission.planCode())
                .orElseThrow(() -> new ProblemException.NotFound("quote", submission.quoteId().toString()));
        StoredQuote quote = found.quote();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (!now.isBefore(quote.expiresAt())) {
            throw new ProblemException.BusinessRuleViolation("quote-expired", "quote " + quote.quoteId() + " expired at "
                    + quote.expiresAt() + "; request a new rate and contract on the new quote",
                    Map.of("expiredAt", quote.expiresAt().toString()));
        }
        QuotedPlan plan = found.price().map(price -> catalog.quoted(submission.planCode(), price))
                .orElseThrow(() -> new ProblemException.BusinessRuleViolation("plan-not-quoted", "plan " + submission.planCode()
                        + " was not offered as eligible on quote " + quote.quoteId()));
        LocalDate today = calendar.today();
        if (quote.saleDate().isBefore(today.minusDays(properties.saleWindowDays()))) {
            throw new ProblemException.BusinessRuleViolation("sale-date-outside-window", "the sale on " + quote.saleDate()
                    + " is more than " + properties.saleWindowDays() + " days ago; it can no longer be contracted");
        }
        Money price = Money.of(submission.customerPrice());
        checkStatePriceRule(quote.customerState(), price, plan.suggestedRetail());
        ProductCode product = ProductCode.of(plan.productCode());
        Vin vin = Vin.of(quote.vin());

        // numbers are counted per base, not per VIN: two VINs ending alike share a base
        String base = ContractNumber.base(catalog.formPrefix(plan.productCode()), vin);
        ContractNumber number = ContractNumber.issue(base, contracts.takeNextIssue(base));
        List<String> reasons = autoApproval.reviewReasons(price, plan.dealerCost(), plan.suggestedRetail(), quote.saleDate(), today);
        ContractStatus status = reasons.isEmpty() ? ContractStatus.ACTIVE : ContractStatus.PENDING_REVIEW;
        // the answer is built from what is written, not read back: same values, two round trips fewer
        List<Contract.StatusChange> history = List.of(
                new Contract.StatusChange(null, ContractStatus.SUBMITTED, null, caller.actor(), now),
                new Contract.StatusChange(ContractStatus.SUBMITTED, status,
                        reasons.isEmpty() ? "auto-approved" : String.join("; ", reasons), "system", now));
        Contract contract = new Contract(number, status, List.copyOf(reasons), dealer, submission.dealNumber(), product,
                plan.planCode(), quote.quoteId(), vin, quote.make(), quote.modelYear(), quote.odometer(),
                quote.vehicleInServiceDate(), quote.saleDate(), quote.saleDate().plusDays(properties.voidWindowDays()),
                plan.termMonths(), plan.termMiles(), plan.deductible(),
                plan.limitOfLiability(),
                plan.dealerCost(), plan.suggestedRetail(), price, submission.financed(),
                Boolean.TRUE.equals(submission.financed()) ? submission.lienholder().strip() : null,
                new Contract.Customer(submission.customer().firstName().strip(), submission.customer().lastName().strip(),
                        quote.customerState()),
                submission.manufacturerWarrantyInForce(), null, now, now, history);
        insertOrRefuseDuplicate(contract, caller.actor());
        contracts.recordStatusChanges(number, history);
        events.issued(contract);
        log.info("contract {} issued {} for dealer {} deal {} plan {}{}", number, status, dealer, submission.dealNumber(),
                plan.planCode(), reasons.isEmpty() ? "" : " (review: " + String.join("; ", reasons) + ")");
        return contract;
    }

    /**
     * The natural key (dealer + deal + product) is kept by the unique index alone: the insert
     * skips a taken key instead of failing, so the transaction stays usable to name the holder
     * in a statement of its own.
     */
    private void insertOrRefuseDuplicate(Contract contract, String actor) {
        for (int attempt = 1; !contracts.insertUnlessDuplicate(contract, actor); attempt++) {
            Optional<ContractNumber> existing = contracts.liveContractFor(contract.dealerCode(), contract.dealNumber(),
                    contract.productCode());
            if (existing.isPresent()) {
                throw duplicate(existing.get(), contract.dealNumber(), contract.productCode());
            }
            // the holder was voided or rejected since the insert saw it: the key is free again
            if (attempt == 3) {
                throw new IllegalStateException("deal " + contract.dealNumber() + " keeps changing hands; giving up");
            }
        }
    }

    private void checkStatePriceRule(String state, Money price, Money suggestedRetail) {
        catalog.retailRule(state).ifPresent(rule -> {
            boolean ok = rule == RetailRule.RETAIL_EQUALS_SUGGESTED ? price.compareTo(suggestedRetail) == 0
                    : price.compareTo(suggestedRetail) <= 0;
            if (!ok) {
                throw new ProblemException.BusinessRuleViolation("retail-price-locked",
                        state + " requires the customer price to " + (rule == RetailRule.RETAIL_EQUALS_SUGGESTED
                                ? "equal" : "not exceed") + " the suggested retail " + suggestedRetail + "; got " + price,
                        Map.of("state", state, "rule", rule.name(), "suggestedRetail", suggestedRetail.amount()));
            }
        });
    }

    private static ProblemException duplicate(ContractNumber existing, String dealNumber, ProductCode product) {
        return new ProblemException.Conflict("duplicate-contract", "Contract already exists",
                "deal " + dealNumber + " already has a live " + product + " contract " + existing
                        + "; void it first to re-issue", Map.of("existingContractNumber", existing.value()));
    }
}
