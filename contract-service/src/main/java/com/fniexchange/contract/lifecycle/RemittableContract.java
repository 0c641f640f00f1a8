package com.fniexchange.contract.lifecycle;

import com.fniexchange.model.ContractStatus;
import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.Money;
import java.util.UUID;

/**
 * A contract as the remittance feature sees it: whether it may be remitted now and, if not, why.
 *
 * @param remittable   in force (ACTIVE) and not remitted before
 * @param refusal      why it may not be remitted, completing "contract VSC3A004352 ..."; null when remittable
 * @param remittanceId the remittance that already paid for it; null when none
 */
public record RemittableContract(ContractNumber contractNumber, boolean remittable, String refusal, Money dealerCost,
                                 UUID remittanceId) {

    static RemittableContract of(ContractNumber number, ContractStatus status, Money dealerCost, UUID remittanceId) {
        if (remittanceId != null) {
            return new RemittableContract(number, false, "was already remitted on " + remittanceId, dealerCost, remittanceId);
        }
        if (status != ContractStatus.ACTIVE) {
            return new RemittableContract(number, false, "is " + status + "; only ACTIVE contracts are remitted", dealerCost, null);
        }
        return new RemittableContract(number, true, null, dealerCost, null);
    }
}
