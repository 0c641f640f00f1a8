package com.fniexchange.contract.lifecycle;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;

/** A dealer's contract, sold on a plan of a quote. The vehicle and sale come from the quote. */
record ContractSubmission(
        @Schema(example = "0f8fad5b-d9cb-469f-a165-70867728950e") @NotNull UUID quoteId,
        @Schema(example = "VSC-60-75-100") @NotBlank @Size(max = 30) String planCode,
        @Schema(example = "DEAL-20261120-0042", description = "The dealer system's deal number; with the product, the natural key")
        @NotBlank @Size(max = 30) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_/.-]*", message = "may contain letters, digits and _ / . - only")
        String dealNumber,
        @Schema(example = "2195.00", description = "What the customer pays (retail), US dollars with two decimals")
        @NotNull @DecimalMin(value = "0.01") @Digits(integer = 10, fraction = 2) BigDecimal customerPrice,
        @Schema(example = "true") @NotNull Boolean financed,
        @Schema(example = "Ally Bank", description = "Required when financed") @Size(max = 100) String lienholder,
        @NotNull @Valid Customer customer,
        @Schema(example = "true", description = "Whether the vehicle still has its manufacturer's warranty. Optional; false makes a "
                + "used car's free look 30 days instead of 60 in California")
        Boolean manufacturerWarrantyInForce) {

    /** The buyer, kept to what the contract needs. */
    @Schema(name = "SubmittedCustomer", description = "The buyer, kept to what the contract needs")
    public record Customer(
            @Schema(example = "Jane") @NotBlank @Size(max = 50) String firstName,
            @Schema(example = "Doe") @NotBlank @Size(max = 50) String lastName) {
    }
}
