package com.fniexchange.cancellation.projection;

import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.DealerCode;
import com.fniexchange.model.Money;
import java.time.LocalDate;

/**
 * A contract as cancellation-service knows it from contract-events and claim-events.
 *
 * @param status     the contract's status (ACTIVE, CANCELLED...) as contract-service last published it
 * @param termMiles  null for products without a mileage term
 * @param claimsPaid claims paid to date, from claim-events
 */
public record ProjectedContract(ContractNumber contractNumber, DealerCode dealerCode, String productCode, String planCode,
                                LocalDate saleDate, int termMonths, Integer termMiles, int odometerAtSale, Money dealerCost,
                                Money customerPrice, boolean financed, String lienholder, String customerState, String status,
                                Money claimsPaid, Boolean manufacturerWarrantyInForce) {

    public boolean active() {
        return "ACTIVE".equals(status);
    }
}
