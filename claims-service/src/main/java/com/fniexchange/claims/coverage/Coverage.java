package com.fniexchange.claims.coverage;

import com.fniexchange.model.ContractStatus;
import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.DealerCode;
import com.fniexchange.model.Money;
import com.fniexchange.model.Vin;
import java.time.LocalDate;

/**
 * One contract's coverage facts, from the {@code contract_coverage} projection.
 *
 * @param limitOfLiability null only for contracts published before the events carried it
 * @param paidToDate       every claim paid on the contract so far
 * @param cancelDate       the day the contract was cancelled; null unless CANCELLED
 */
public record Coverage(ContractNumber contractNumber, ContractStatus status, DealerCode dealerCode, String productCode,
                       String planCode, Vin vin, String make, LocalDate saleDate, int odometerAtSale, int termMonths,
                       Integer termMiles, Money deductible, Money limitOfLiability, Money paidToDate, LocalDate cancelDate,
                       LocalDate voidableUntil) {

    /** The last day of the term. */
    public LocalDate coverageEndsOn() {
        return saleDate.plusMonths(termMonths);
    }

    /** The odometer reading the term's miles end at (counted from the odometer at sale); null without a mileage term. */
    public Integer coverageEndsAtOdometer() {
        return termMiles == null ? null : odometerAtSale + termMiles;
    }

    /** What may still be paid on the contract; null when the limit is unknown. */
    public Money remainingLimit() {
        return limitOfLiability == null ? null : limitOfLiability.minus(paidToDate).max(Money.ZERO);
    }
}
