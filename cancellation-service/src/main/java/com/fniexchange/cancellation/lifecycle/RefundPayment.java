package com.fniexchange.cancellation.lifecycle;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** How the refund of an approved cancellation was paid. */
record RefundPayment(
        @Schema(example = "ACH") @NotNull PaymentMethod method,
        @Schema(example = "ACH-0042-7781", description = "The check number or ACH trace number")
        @NotBlank @Size(max = 50) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 _/.-]*", message = "may contain letters, digits, spaces and _ / . - only")
        String reference,
        @Schema(example = "2026-11-24", description = "The day the payment was made; not in the future") @NotNull LocalDate paidDate) {
}
