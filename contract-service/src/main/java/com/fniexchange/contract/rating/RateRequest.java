package com.fniexchange.contract.rating;

import com.fniexchange.platform.validation.UsState;
import com.fniexchange.platform.validation.ValidVin;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** What a dealer sends to be rated: the vehicle, the sale, and for GAP the loan. */
@SaleDates
record RateRequest(
        @Schema(example = "1HGCM82633A004352") @NotBlank @ValidVin String vin,
        @Schema(example = "HONDA", description = "Vehicle make, as decoded from the VIN by the dealer system")
        @NotBlank @Size(max = 30) String make,
        @Schema(example = "2023") @NotNull @Min(1981) Integer modelYear,
        @Schema(example = "24500", description = "Odometer at sale, miles") @NotNull @Min(0) @Max(999_999) Integer odometer,
        @Schema(example = "2023-03-01") @NotNull LocalDate vehicleInServiceDate,
        @Schema(example = "2026-11-20") @NotNull LocalDate saleDate,
        @Schema(example = "TX", description = "The customer's state: its rules (price locks, refunds) apply")
        @NotBlank @UsState String customerState,
        @Schema(example = "32500.00", description = "Needed to rate GAP") @Positive @Digits(integer = 10, fraction = 2) BigDecimal amountFinanced,
        @Schema(example = "72", description = "Needed to rate GAP") @Min(1) @Max(120) Integer loanTermMonths) implements VehicleSale {

    public RateRequest {
        vin = vin == null ? null : vin.strip().toUpperCase(java.util.Locale.ROOT);
        make = make == null ? null : make.strip().toUpperCase(java.util.Locale.ROOT);
    }
}
