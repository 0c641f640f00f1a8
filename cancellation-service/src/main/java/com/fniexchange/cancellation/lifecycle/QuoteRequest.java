package com.fniexchange.cancellation.lifecycle;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;

/** What a refund quote needs beyond the contract this service already knows. */
record QuoteRequest(
        @Schema(example = "VSC3A004352") @NotBlank
        @Pattern(regexp = "[A-Za-z]{2,4}[A-Za-z0-9]{8}(-[0-9]{2,})?", message = "is not a contract number") String contractNumber,
        @Schema(example = "2026-11-20", description = "The day coverage ends: not before the sale, not in the future")
        @NotNull LocalDate cancelDate,
        @Schema(example = "54500", description = "The odometer on the cancel date; required for products with a mileage term")
        @Min(0) @Max(999_999) Integer odometer,
        @Schema(example = "CUSTOMER_REQUEST") @NotNull CancellationReason reason) {
}
