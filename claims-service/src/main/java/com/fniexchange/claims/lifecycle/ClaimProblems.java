package com.fniexchange.claims.lifecycle;

import com.fniexchange.platform.web.ProblemMember;
import com.fniexchange.platform.web.ProblemMembers;
import java.math.BigDecimal;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The problem members the claims API adds, so the OpenAPI Problem schema lists them. */
@Configuration(proxyBeanMethods = false)
class ClaimProblems {

    private static final String COVERAGE = "(types `contract-not-active`, `outside-term`, `waiting-period`)";

    @Bean
    ProblemMembers claimProblemMembers() {
        return ProblemMembers.of(
                ProblemMember.text("allowedActions", "The actions the claim's current status allows, comma-separated (type `invalid-state-transition`)", "invoice"),
                ProblemMember.text("existingClaimId", "uuid", "The claim already filed on this repair order (type `duplicate-claim`)", "8d0f6a4e-3b2c-4f1a-9e7d-5c6b4a3f2e10"),
                ProblemMember.text("contractStatus", "The contract's status (type `contract-not-active`)", "CANCELLED"),
                ProblemMember.text("cancelDate", "date", "The day the contract was cancelled (type `contract-not-active`)", "2027-01-10"),
                ProblemMember.text("repairDate", "date", "The repair order's date " + COVERAGE, "2027-01-15"),
                ProblemMember.text("saleDate", "date", "The contract's sale date (type `contract-not-active`)", "2026-11-20"),
                ProblemMember.text("coverageEndsOn", "date", "The last day of the term (type `outside-term`)", "2031-11-20"),
                ProblemMember.decimal("termMonths", "The contract's term in months (type `outside-term`)", BigDecimal.valueOf(60)),
                ProblemMember.decimal("termMiles", "The contract's term in miles (type `outside-term`)", BigDecimal.valueOf(75000)),
                ProblemMember.decimal("odometer", "The repair order's odometer (types `outside-term`, `waiting-period`)", BigDecimal.valueOf(101200)),
                ProblemMember.decimal("odometerAtSale", "The odometer at sale (type `outside-term`)", BigDecimal.valueOf(24500)),
                ProblemMember.decimal("coverageEndsAtOdometer", "Odometer at sale + term miles (type `outside-term`)", BigDecimal.valueOf(99500)),
                ProblemMember.text("voidableUntil", "date", "The last day the contract can be voided (type `contract-still-voidable`)", "2026-12-20"),
                ProblemMember.text("claimsAcceptedFrom", "date", "The first day a claim is opened on the contract (type `contract-still-voidable`)", "2026-12-22"),
                ProblemMember.text("waitingPeriodEndsOn", "date", "The first day repairs are covered (type `waiting-period`)", "2026-12-20"),
                ProblemMember.decimal("waitingPeriodEndsAtOdometer", "The first odometer reading repairs are covered at (type `waiting-period`)", BigDecimal.valueOf(25500)),
                ProblemMember.decimal("amount", "The amount asked for (types `limit-of-liability-exceeded`, `exceeds-estimate`, `exceeds-authorized-amount`, `exceeds-invoiced-amount`)", new BigDecimal("812.40")),
                ProblemMember.decimal("limitOfLiability", "The contract's limit of liability (type `limit-of-liability-exceeded`)", new BigDecimal("15000.00")),
                ProblemMember.decimal("paidToDate", "Claims paid on the contract so far (type `limit-of-liability-exceeded`)", new BigDecimal("14500.00")),
                ProblemMember.decimal("remainingLimit", "What may still be paid on the contract (type `limit-of-liability-exceeded`)", new BigDecimal("500.00")),
                ProblemMember.decimal("estimateTotal", "The estimate total (type `exceeds-estimate`)", new BigDecimal("812.40")),
                ProblemMember.decimal("authorizedAmount", "The authorised amount (type `exceeds-authorized-amount`)", new BigDecimal("812.40")),
                ProblemMember.decimal("invoiceTotal", "The invoice total after the deductible (type `exceeds-invoiced-amount`)", new BigDecimal("790.00")),
                ProblemMember.text("contractNumbers", "The contracts on the vehicle, comma-separated (type `contract-ambiguous`)", "VSC3A004352, TW3A004352"));
    }
}
