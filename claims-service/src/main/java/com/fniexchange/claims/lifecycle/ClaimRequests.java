package com.fniexchange.claims.lifecycle;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Request bodies of the claims API. */
final class ClaimRequests {

    private ClaimRequests() {
    }

    @Schema(description = "A repair facility's claim: the contract (by number or VIN), the repair order and the 3 Cs")
    record OpenClaim(
            @Schema(example = "VSC3A004352", description = "The contract; or give vin") @Size(max = 20) String contractNumber,
            @Schema(example = "1HGCM82633A004352", description = "The vehicle, when the contract number is not at hand")
            @Size(max = 17) String vin,
            @Schema(example = "RO-55012") @NotBlank @Size(max = 30)
            @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_/.-]*", message = "may contain letters, digits and _ / . - only")
            String repairOrderNumber,
            @Schema(description = "The repair order's open date") @NotNull LocalDate repairDate,
            @Schema(example = "Northside Honda Service") @NotBlank @Size(max = 100) String repairFacilityName,
            @Schema(example = "47310") @NotNull @Min(0) @Max(999_999) Integer odometer,
            @Schema(example = "Coolant leak at front of engine") @NotBlank @Size(max = 1000) String complaint,
            @Schema(example = "Water pump seal failed") @Size(max = 1000) String cause,
            @Schema(example = "Replace water pump") @Size(max = 1000) String correction) {
    }

    @Schema(description = "An estimate or invoice, with the cause and correction as now known")
    record Lines(@NotNull @Valid RepairLines lines,
                 @Schema(example = "Water pump seal failed") @Size(max = 1000) String cause,
                 @Schema(example = "Replaced water pump") @Size(max = 1000) String correction) {
    }

    @Schema(description = "An adjuster's authorisation; the amount defaults to the estimate total")
    record Authorize(@Schema(example = "1240.00", description = "At most the estimate total; the estimate total when absent")
                     @DecimalMin("0.01") @Digits(integer = 10, fraction = 2) BigDecimal amount,
                     @Schema(example = "parts price checked against list") @Size(max = 500) String note) {
    }

    @Schema(description = "Why: a denial, an appeal or a closing")
    record Reason(@Schema(example = "wear item, not a covered component") @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(description = "Why the claim is closed; required to withdraw an OPEN claim")
    record Close(@Schema(example = "customer declined the repair") @Size(max = 500) String reason) {
    }

    @Schema(description = "A payment; the amount defaults to the invoice total, capped at the authorised amount")
    record Pay(@Schema(example = "812.40") @DecimalMin("0.01") @Digits(integer = 10, fraction = 2) BigDecimal amount) {
    }
}
