package com.fniexchange.cancellation.refund;

import com.fniexchange.model.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What the refund depends on about the contract being cancelled.
 *
 * @param termMiles      null for products without a mileage term (GAP, appearance)
 * @param odometerAtSale the odometer on the sale date
 * @param claimsPaid     all claims paid on the contract to date
 * @param lienholder     null when not financed
 * @param manufacturerWarrantyInForce whether the vehicle still has its manufacturer's warranty; null when
 *                       not known (the standard free look applies)
 */
public record CoveredContract(Money customerPrice, Money dealerCost, LocalDate saleDate, int termMonths, Integer termMiles,
                              int odometerAtSale, Money claimsPaid, boolean financed, String lienholder,
                              Boolean manufacturerWarrantyInForce) {

    public CoveredContract {
        Objects.requireNonNull(customerPrice, "customerPrice");
        Objects.requireNonNull(dealerCost, "dealerCost");
        Objects.requireNonNull(saleDate, "saleDate");
        Objects.requireNonNull(claimsPaid, "claimsPaid");
        if (customerPrice.isNegative() || dealerCost.isNegative() || claimsPaid.isNegative()) {
            throw new IllegalArgumentException("price, dealer cost and claims paid cannot be negative");
        }
        if (termMonths < 1 || (termMiles != null && termMiles < 1)) {
            throw new IllegalArgumentException("a term is at least one month (and one mile)");
        }
    }

    /** A contract whose vehicle's manufacturer's warranty is not known. */
    public CoveredContract(Money customerPrice, Money dealerCost, LocalDate saleDate, int termMonths, Integer termMiles,
                           int odometerAtSale, Money claimsPaid, boolean financed, String lienholder) {
        this(customerPrice, dealerCost, saleDate, termMonths, termMiles, odometerAtSale, claimsPaid, financed, lienholder, null);
    }

    /** The term's last day, exclusive: the sale date plus the term in months. */
    LocalDate termEnd() {
        return saleDate.plusMonths(termMonths);
    }
}
