package com.fniexchange.contract.lifecycle;

import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.Money;

/** A contract a remittance paid for, with the dealer cost it paid. */
public record RemittedContract(ContractNumber contractNumber, Money dealerCost) {
}
