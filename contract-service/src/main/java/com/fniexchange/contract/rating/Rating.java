package com.fniexchange.contract.rating;

import com.fniexchange.contract.ContractProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Rates a vehicle sale against the catalog and keeps the quote for contracting. */
@Service
class Rating {

    private final PlanCatalog catalog;
    private final QuoteRepository quotes;
    private final ContractProperties properties;
    private final Clock clock;

    Rating(PlanCatalog catalog, QuoteRepository quotes, ContractProperties properties, Clock clock) {
        this.catalog = catalog;
        this.quotes = quotes;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    RateQuote rate(String dealerCode, RateRequest request) {
        List<RateQuote.RatedPlan> eligible = new ArrayList<>();
        List<RateQuote.IneligiblePlan> ineligible = new ArrayList<>();
        for (Plan plan : catalog.activePlans()) {
            List<String> refusals = PlanEligibility.refusals(plan, request);
            if (refusals.isEmpty()) {
                eligible.add(new RateQuote.RatedPlan(plan.planCode(), plan.productCode(), plan.name(), plan.termMonths(),
                        plan.termMiles(), plan.deductible(), plan.deductibleType(), plan.dealerCost(), plan.suggestedRetail(),
                        plan.maxAmountFinanced(), plan.maxLoanTermMonths()));
            } else {
                ineligible.add(new RateQuote.IneligiblePlan(plan.planCode(), plan.productCode(), refusals));
            }
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        RateQuote quote = new RateQuote(UUID.randomUUID(), dealerCode, request.vin(), request.customerState(),
                catalog.retailRule(request.customerState()).orElse(null), now, now.plus(properties.quoteValidity()),
                eligible, ineligible);
        quotes.save(quote, request);
        return quote;
    }
}
