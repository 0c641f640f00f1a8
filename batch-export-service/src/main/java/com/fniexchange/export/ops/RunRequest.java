package com.fniexchange.export.ops;

import com.fniexchange.export.register.Register;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** Run one register's export for a partner and a business date. */
public record RunRequest(
        @NotNull Register register,
        @NotBlank String partnerId,
        @Schema(description = "the business date whose rows are exported; not after today in the business zone")
        @NotNull LocalDate businessDate) {
}
