package com.fniexchange.contract.rating;

import com.fniexchange.model.Money;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides, plan by plan, whether a vehicle and sale qualify, and says why not when they do not:
 * vehicle age (sale year minus model year), odometer at sale, make, and for GAP the loan.
 */
final class PlanEligibility {

    private PlanEligibility() {
    }

    /** The reasons the plan is refused; empty when it is eligible. */
    static List<String> refusals(Plan plan, RateRequest request) {
        List<String> reasons = new ArrayList<>();
        int age = Math.max(0, request.saleDate().getYear() - request.modelYear());
        if (plan.maxVehicleAgeYears() != null && age > plan.maxVehicleAgeYears()) {
            reasons.add("vehicle is " + age + " model years old; plan allows at most " + plan.maxVehicleAgeYears());
        }
        if (plan.maxOdometer() != null && request.odometer() > plan.maxOdometer()) {
            reasons.add("odometer " + request.odometer() + " is above the plan's limit of " + plan.maxOdometer() + " miles");
        }
        if (plan.eligibleMakes() != null && !plan.eligibleMakes().contains(request.make())) {
            reasons.add("make " + request.make() + " is not covered; plan covers " + String.join(", ", plan.eligibleMakes()));
        }
        if (plan.maxAmountFinanced() != null || plan.maxLoanTermMonths() != null) {
            if (request.amountFinanced() == null || request.loanTermMonths() == null) {
                reasons.add("amountFinanced and loanTermMonths are needed to rate this plan");
            } else {
                if (plan.maxAmountFinanced() != null && Money.of(request.amountFinanced()).compareTo(plan.maxAmountFinanced()) > 0) {
                    reasons.add("amount financed " + request.amountFinanced() + " is above the plan's limit of " + plan.maxAmountFinanced());
                }
                if (plan.maxLoanTermMonths() != null && request.loanTermMonths() > plan.maxLoanTermMonths()) {
                    reasons.add("loan term " + request.loanTermMonths() + " months is above the plan's limit of " + plan.maxLoanTermMonths());
                }
            }
        }
        return reasons;
    }
}
