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
 * @param make       the vehicle's make as rated; optional within v1 (null from publishers before it was added)
 * @param limitOfLiability the most the provider pays on all claims together; optional within v1
 *                   (null from publishers before it was added)
 * @param manufacturerWarrantyInForce whether the vehicle still has its manufacturer's warranty, as the
 *                   dealer submitted it; false makes a used car's free look 30 days in California.
 *                   Optional within v1: null when not given or from publishers before it was added
 * @param voidableUntil the last day the contract can be voided (its sale date plus contract-service's
 *                   void window); claims-service opens no claim on it until two days later, so a void
 *                   and a claim can never both succeed. Optional within v1: null from publishers
 *                   before it was added
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
        String make,
        Money limitOfLiability,
        Boolean manufacturerWarrantyInForce,
        LocalDate voidableUntil,
        Instant occurredAt) implements ContractEvent {

    public static final EventType TYPE = EventType.of("contract", "submitted", 1);

    /** The payload as first released, without the optional fields added later in v1. */
    public ContractSubmitted(ContractNumber contractNumber, DealerCode dealerCode, String dealNumber, ProductCode productCode,
                             String planCode, UUID quoteId, Vin vin, int odometer, LocalDate vehicleInServiceDate,
                             LocalDate saleDate, int termMonths, Integer termMiles, Money deductible, Money dealerCost,
                             Money customerPrice, boolean financed, String lienholder, String customerState, Instant occurredAt) {
        this(contractNumber, dealerCode, dealNumber, productCode, planCode, quoteId, vin, odometer, vehicleInServiceDate,
                saleDate, termMonths, termMiles, deductible, dealerCost, customerPrice, financed, lienholder, customerState,
                null, null, null, null, occurredAt);
    }

    /** The payload with make and limit of liability, before the manufacturer's warranty was added in v1. */
    public ContractSubmitted(ContractNumber contractNumber, DealerCode dealerCode, String dealNumber, ProductCode productCode,
                             String planCode, UUID quoteId, Vin vin, int odometer, LocalDate vehicleInServiceDate,
                             LocalDate saleDate, int termMonths, Integer termMiles, Money deductible, Money dealerCost,
                             Money customerPrice, boolean financed, String lienholder, String customerState, String make,
                             Money limitOfLiability, Instant occurredAt) {
        this(contractNumber, dealerCode, dealNumber, productCode, planCode, quoteId, vin, odometer, vehicleInServiceDate,
                saleDate, termMonths, termMiles, deductible, dealerCost, customerPrice, financed, lienholder, customerState,
                make, limitOfLiability, null, null, occurredAt);
    }

    /** The payload with the manufacturer's warranty, before voidableUntil was added in v1. */
    public ContractSubmitted(ContractNumber contractNumber, DealerCode dealerCode, String dealNumber, ProductCode productCode,
                             String planCode, UUID quoteId, Vin vin, int odometer, LocalDate vehicleInServiceDate,
                             LocalDate saleDate, int termMonths, Integer termMiles, Money deductible, Money dealerCost,
                             Money customerPrice, boolean financed, String lienholder, String customerState, String make,
                             Money limitOfLiability, Boolean manufacturerWarrantyInForce, Instant occurredAt) {
        this(contractNumber, dealerCode, dealNumber, productCode, planCode, quoteId, vin, odometer, vehicleInServiceDate,
                saleDate, termMonths, termMiles, deductible, dealerCost, customerPrice, financed, lienholder, customerState,
                make, limitOfLiability, manufacturerWarrantyInForce, null, occurredAt);
    }

    @Override
    public EventType eventType() {
        return TYPE;
    }
}
