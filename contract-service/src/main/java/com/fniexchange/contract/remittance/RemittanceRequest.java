package com.fniexchange.contract.remittance;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The contracts whose dealer cost a dealer remits in one payment. */
record RemittanceRequest(
        @Schema(example = "[\"VSC3A004352\", \"GAP3A004352\"]")
        @NotEmpty @Size(max = 500) List<@NotBlank String> contractNumbers) {
}
