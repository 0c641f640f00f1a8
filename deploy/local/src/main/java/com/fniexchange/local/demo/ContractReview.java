package com.fniexchange.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fniexchange.local.demo.DayLedger.SoldContract;
import java.util.Map;

/**
 * The provider's contract administration: a contract that did not pass auto-approval (priced
 * below cost or far above suggested retail, or submitted more than 30 days after the sale) waits
 * in PENDING_REVIEW until an administrator approves or rejects it (role PROVIDER_ADMIN).
 */
record ContractReview(ServiceApi contracts, Journal journal, DayLedger ledger, String adminToken) {

    void approve(SoldContract contract, String note) throws DemoFailure {
        String step = "2. provider admin approves " + contract.number();
        Call call = Call.post("/api/v1/contracts/{number}/approve", contract.number());
        JsonNode approved = contracts.call(step, call, adminToken, Map.of("note", note), 200);
        if (!"ACTIVE".equals(approved.path("status").asText())) {
            throw new DemoFailure(step, call + " (expected the contract ACTIVE)", 200, approved.toString());
        }
        ledger.statusChanged(contract.number(), "ACTIVE");
        journal.line("provider admin", call.label(), "200 ACTIVE " + contract.number() + " (" + note + ")");
    }

    /** Names the actor only: the components include a bearer token. */
    @Override
    public String toString() {
        return "ContractReview";
    }
}
