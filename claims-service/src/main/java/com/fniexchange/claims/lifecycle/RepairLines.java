package com.fniexchange.claims.lifecycle;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** The lines of an estimate or an invoice: parts, labour, and sublet, rental and towing charges. */
@Schema(description = "Parts, labour and other charges of an estimate or invoice; amounts in US dollars with at most two decimals")
record RepairLines(
        @Schema(description = "Parts; may be empty") @Valid @Size(max = 100) List<@NotNull @Valid PartLine> parts,
        @Schema(description = "Labour operations; may be empty") @Valid @Size(max = 50) List<@NotNull @Valid LabourLine> labour,
        @Schema(example = "0.00", description = "Work sent to another shop; 0 when none")
        @DecimalMin("0.00") @Digits(integer = 8, fraction = 2) BigDecimal sublet,
        @Schema(example = "120.00", description = "Rental car; 0 when none")
        @DecimalMin("0.00") @Digits(integer = 8, fraction = 2) BigDecimal rental,
        @Schema(example = "95.00", description = "Towing; 0 when none")
        @DecimalMin("0.00") @Digits(integer = 8, fraction = 2) BigDecimal towing) {

    RepairLines {
        parts = parts == null ? List.of() : List.copyOf(parts);
        labour = labour == null ? List.of() : List.copyOf(labour);
        sublet = sublet == null ? BigDecimal.ZERO.setScale(2) : sublet;
        rental = rental == null ? BigDecimal.ZERO.setScale(2) : rental;
        towing = towing == null ? BigDecimal.ZERO.setScale(2) : towing;
    }

    boolean isEmpty() {
        return parts.isEmpty() && labour.isEmpty() && sublet.signum() == 0 && rental.signum() == 0 && towing.signum() == 0;
    }

    @Schema(description = "A part: quantity times unit price")
    record PartLine(
            @Schema(example = "06164-RCA-A00") @NotBlank @Size(max = 40) String partNumber,
            @Schema(example = "Water pump assembly", nullable = true, description = "Optional; null when not given") @Size(max = 200) String description,
            @Schema(example = "1") @NotNull @DecimalMin("0.01") @Digits(integer = 6, fraction = 2) BigDecimal quantity,
            @Schema(example = "412.35") @NotNull @DecimalMin("0.00") @Digits(integer = 8, fraction = 2) BigDecimal unitPrice) {
    }

    @Schema(description = "A labour operation: hours times hourly rate")
    record LabourLine(
            @Schema(example = "R&R water pump") @NotBlank @Size(max = 40) String operation,
            @Schema(example = "2.4") @NotNull @DecimalMin("0.01") @DecimalMax("99.99") @Digits(integer = 2, fraction = 2) BigDecimal hours,
            @Schema(example = "145.00") @NotNull @DecimalMin("0.00") @Digits(integer = 6, fraction = 2) BigDecimal rate) {
    }
}
