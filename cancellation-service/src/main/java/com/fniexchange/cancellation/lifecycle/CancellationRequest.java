package com.fniexchange.cancellation.lifecycle;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** A cancellation on a refund quote that is still valid. */
record CancellationRequest(
        @Schema(example = "9a4c1e72-5b3d-4f8e-a0c6-2d7b9e1f4a35") @NotNull UUID quoteId,
        @Schema(example = "CUSTOMER_REQUEST", description = "Must be the reason the quote was made for (it decides the payee)")
        @NotNull CancellationReason reason) {
}
