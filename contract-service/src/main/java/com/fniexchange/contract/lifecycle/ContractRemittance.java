package com.fniexchange.contract.lifecycle;

import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.DealerCode;
import com.fniexchange.model.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the remittance feature may do with contracts: lock the dealer's for a remittance, mark
 * them remitted (each with its {@code contract.remitted.v1} event) and list a remittance's. The
 * contract feature alone reads and writes the contract table; every query names the dealer.
 */
@Service
public class ContractRemittance {

    private final ContractRepository contracts;
    private final ContractEvents events;

    ContractRemittance(ContractRepository contracts, ContractEvents events) {
        this.contracts = contracts;
        this.events = events;
    }

    /**
     * Locks the dealer's contracts among these, in number order (a stable order, so two
     * remittances cannot deadlock), until the caller's transaction ends. Another dealer's
     * contracts are neither read nor locked: they are missing from the answer, like unknown numbers.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<RemittableContract> lockRemittable(DealerCode dealer, List<ContractNumber> numbers) {
        return contracts.lockForRemittance(dealer, numbers);
    }

    /** The dealer's contracts this remittance paid for, in number order. */
    public List<RemittedContract> remittedBy(DealerCode dealer, UUID remittanceId) {
        return contracts.remittedBy(dealer, remittanceId);
    }

    /**
     * Marks the dealer's contracts remitted by this remittance, in the caller's transaction (the
     * remittance row commits with them). The caller has locked and checked them; a contract that
     * cannot be marked (another dealer's, already remitted) is a bug there and fails the whole.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void markRemitted(DealerCode dealer, UUID remittanceId, List<ContractNumber> numbers, Instant at) {
        Map<ContractNumber, Money> marked = contracts.markRemitted(dealer, numbers, remittanceId, at);
        if (marked.size() != numbers.size()) {
            throw new IllegalStateException("remittance " + remittanceId + " could mark " + marked.keySet() + " of " + numbers);
        }
        for (ContractNumber number : numbers) {
            events.remitted(number, dealer, remittanceId, marked.get(number), at);
        }
    }
}
