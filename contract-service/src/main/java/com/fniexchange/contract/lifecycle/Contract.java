package com.fniexchange.contract.lifecycle;

import com.fniexchange.model.ContractStatus;
import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.DealerCode;
import com.fniexchange.model.Money;
import com.fniexchange.model.ProductCode;
import com.fniexchange.model.Vin;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A contract as its dealer and the provider see it. Value types serialise as their plain strings. */
record Contract(
        @Schema(implementation = String.class, example = "VSC3A004352") ContractNumber contractNumber,
        @Schema(example = "ACTIVE") ContractStatus status,
        @Schema(description = "Why the contract waits for review (PENDING_REVIEW)") List<String> reviewReasons,
        @Schema(implementation = String.class, example = "D1001") DealerCode dealerCode,
        @Schema(example = "DEAL-20261120-0042") String dealNumber,
        @Schema(implementation = String.class, example = "VSC") ProductCode productCode,
        @Schema(example = "VSC-60-75-100") String planCode,
        UUID quoteId,
        @Schema(implementation = String.class, example = "1HGCM82633A004352") Vin vin,
        @Schema(example = "HONDA") String make,
        @Schema(example = "2023") int modelYear,
        @Schema(example = "24500") int odometer,
        LocalDate vehicleInServiceDate,
        LocalDate saleDate,
        @Schema(example = "2026-12-20", nullable = true, description = "The last day the contract can be voided (the sale date plus "
                + "the void window); no claim is opened on it until two days later. null for contracts from before it was kept")
        LocalDate voidableUntil,
        @Schema(example = "60") int termMonths,
        @Schema(example = "75000", nullable = true, description = "null for products without a mileage term") Integer termMiles,
        @Schema(example = "100.00") Money deductible,
        @Schema(example = "15000.00", description = "The most the provider pays on all claims of this contract together")
        Money limitOfLiability,
        @Schema(example = "1100.00") Money dealerCost,
        @Schema(example = "2195.00") Money suggestedRetail,
        @Schema(example = "2195.00") Money customerPrice,
        boolean financed,
        @Schema(example = "Ally Bank", nullable = true, description = "null when not financed") String lienholder,
        Customer customer,
        @Schema(nullable = true, description = "Whether the vehicle still has its manufacturer's warranty, as submitted; null when "
                + "not given") Boolean manufacturerWarrantyInForce,
        @Schema(nullable = true, description = "null until the dealer cost is remitted") Remittance remittance,
        Instant submittedAt,
        Instant updatedAt,
        List<StatusChange> history) {

    @Schema(name = "ContractCustomer", description = "The buyer, with the state whose rules apply")
    public record Customer(@Schema(example = "Jane") String firstName, @Schema(example = "Doe") String lastName,
                           @Schema(example = "TX") String state) {
    }

    /** Present once the dealer cost was remitted. */
    @Schema(name = "ContractRemittance", description = "The remittance that paid the dealer cost")
    public record Remittance(UUID remittanceId, Instant remittedAt) {
    }

    @Schema(description = "One status change, oldest first")
    public record StatusChange(@Schema(nullable = true, description = "null on the first entry (submission)") ContractStatus from,
                               ContractStatus to,
                               @Schema(nullable = true, description = "the reviewer's or voider's reason; null when none was given") String reason,
                               @Schema(example = "dealer:D1001:dealer-user@d1001") String actor, Instant at) {
    }
}
