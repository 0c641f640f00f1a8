package com.fniexchange.model.event.contract;

import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.DealerCode;
import com.fniexchange.model.Money;
import com.fniexchange.model.ProductCode;
import com.fniexchange.model.Vin;
import com.fniexchange.model.event.EventType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A dealer submitted a contract; it is followed in the same commit by
 * {@link ContractActivated} or {@link ContractPendingReview}.
 *
 * @param termMiles null for products without a mileage term (GAP, appearance)
 * @param lienholder null when the contract is not financed
 */
public record ContractSubmitted(
        ContractNumber contractNumber,
        DealerCode dealerCode,
        String dealNumber,
        ProductCode productCode,
        String planCode,
        UUID quoteId,
        Vin vin,
        int odometer,
        LocalDate vehicleInServiceDate,
        LocalDate saleDate,
        int termMonths,
        Integer termMiles,
        Money deductible,
        Money dealerCost,
        Money customerPrice,
        boolean financed,
        String lienholder,
        String customerState,
        Instant occurredAt) implements ContractEvent {

    public static final EventType TYPE = EventType.of("contract", "submitted", 1);

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
