package com.fniexchange.contract.lifecycle;

import com.fniexchange.model.ContractStatus;
import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.DealerCode;
import com.fniexchange.model.Money;
import com.fniexchange.model.ProductCode;
import com.fniexchange.model.Vin;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;

/** One line of a contract listing. */
record ContractSummary(@Schema(implementation = String.class, example = "VSC3A004352") ContractNumber contractNumber,
                       ContractStatus status,
                       @Schema(implementation = String.class, example = "D1001") DealerCode dealerCode,
                       String dealNumber,
                       @Schema(implementation = String.class, example = "VSC") ProductCode productCode,
                       String planCode,
                       @Schema(implementation = String.class, example = "1HGCM82633A004352") Vin vin,
                       LocalDate saleDate, Money dealerCost, Money customerPrice, boolean remitted, Instant updatedAt) {
}
