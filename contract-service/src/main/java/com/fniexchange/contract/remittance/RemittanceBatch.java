package com.fniexchange.contract.remittance;

import com.fniexchange.model.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A remittance: what the dealer paid for, contract by contract, and the totals. */
record RemittanceBatch(
        UUID remittanceId,
        @Schema(example = "D1001") String dealerCode,
        @Schema(example = "2") int contractCount,
        @Schema(example = "1350.00") Money totalDealerCost,
        List<Line> contracts,
        Instant createdAt) {

    RemittanceBatch withContracts(List<Line> lines) {
        return new RemittanceBatch(remittanceId, dealerCode, contractCount, totalDealerCost, lines, createdAt);
    }

    public record Line(@Schema(example = "VSC3A004352") String contractNumber, @Schema(example = "1100.00") Money dealerCost) {
    }
}
