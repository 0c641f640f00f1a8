package com.fniexchange.contract.rating;

import com.fniexchange.model.Money;
import java.util.List;

/** A plan from the catalog. Null limits mean "no limit". */
record Plan(String planCode, String productCode, String name, int termMonths, Integer termMiles, Money deductible,
            String deductibleType, Integer maxVehicleAgeYears, Integer maxOdometer, List<String> eligibleMakes,
            Money dealerCost, Money suggestedRetail, Money maxAmountFinanced, Integer maxLoanTermMonths,
            Money limitOfLiability) {
}
