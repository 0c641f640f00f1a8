package com.fniexchange.model.event.claim;

import com.fniexchange.model.DealerCode;
import com.fniexchange.model.event.ContractKeyedEvent;
import java.util.UUID;

/**
 * Everything claims-service publishes on {@code claim-events}, partitioned by contract number so
 * a contract's claims stay in order with each other. Every payload names the contract, the claim,
 * the dealer that sold the contract and the repair facility (a dealer's service department) that
 * filed the claim, so a partner's entitlement can be applied to any event without a lookup.
 * Customer names and contract prices never appear.
 */
public sealed interface ClaimEvent extends ContractKeyedEvent
        permits ClaimOpened, ClaimEstimateSubmitted, ClaimAuthorized, ClaimDenied, ClaimPaid, ClaimClosed {

    /** The topic / event hub every claim event is published to. */
    String DESTINATION = "claim-events";

    UUID claimId();

    /** The dealer whose service department filed the claim. */
    DealerCode repairFacility();
}
