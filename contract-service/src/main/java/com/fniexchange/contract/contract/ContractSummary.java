package com.fniexchange.contract.contract;

import com.fniexchange.model.Money;
import java.time.Instant;
import java.time.LocalDate;

/** One line of a contract listing. */
public record ContractSummary(String contractNumber, ContractStatus status, String dealerCode, String dealNumber,
                              String productCode, String planCode, String vin, LocalDate saleDate, Money dealerCost,
                              Money customerPrice, boolean remitted, Instant updatedAt) {
}
