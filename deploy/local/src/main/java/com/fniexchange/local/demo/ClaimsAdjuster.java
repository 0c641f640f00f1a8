package com.fniexchange.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fniexchange.local.demo.DayLedger.PaidClaim;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The provider's claims adjuster (role CLAIMS_ADJUSTER): works the queue of estimates above the
 * auto-authorisation threshold, authorises the repair (at most the estimate and what is left of the
 * contract's limit of liability), then pays the invoice (capped at the authorised amount) and closes
 * the claim.
 */
record ClaimsAdjuster(ServiceApi claims, Journal journal, DayLedger ledger, String token) {

    private static final int QUEUE_PAGES = 50;

    /** Finds the claim in the adjuster's queue, as the adjuster would, following the pages. */
    void findInQueue(String claimId) throws DemoFailure {
        String step = "3. claims adjuster finds claim " + claimId + " in the queue";
        String template = "/api/v1/claims?status=ESTIMATE_SUBMITTED&needsAdjuster=true&limit=200";
        int waiting = 0;
        String cursor = null;
        for (int page = 0; page < QUEUE_PAGES; page++) {
            Call call = cursor == null ? Call.get(template) : Call.get(template + "&cursor={cursor}", cursor);
            JsonNode listed = claims.call(step, call, token, null, 200);
            for (JsonNode claim : listed.path("items")) {
                waiting++;
                if (claimId.equals(claim.path("claimId").asText())) {
                    journal.line("claims adjuster", Call.get(template).label(), "200 claim " + claimId + " waits in the queue ("
                            + claim.path("estimate").path("total").asText() + "), " + waiting + " looked at");
                    return;
                }
            }
            cursor = listed.path("nextCursor").isTextual() ? listed.path("nextCursor").asText() : null;
            if (cursor == null) {
                break;
            }
        }
        throw new DemoFailure(step, "GET " + template, 200, "claim " + claimId + " is not among the " + waiting + " claims in the queue");
    }

    void authorize(String claimId, BigDecimal amount, String note) throws DemoFailure {
        String step = "3. claims adjuster authorises claim " + claimId;
        Call call = Call.post("/api/v1/claims/{id}/authorize", claimId);
        JsonNode claim = claims.call(step, call, token, Map.of("amount", amount, "note", note), 200);
        ServiceDepartment.requireStatus(step, call, 200, claim, "AUTHORIZED");
        JsonNode authorization = claim.path("authorization");
        journal.line("claims adjuster", call.label(), "200 AUTHORIZED " + authorization.path("authorizationNumber").asText() + " for "
                + authorization.path("authorizedAmount").asText() + " of the estimate " + claim.path("estimate").path("total").asText()
                + " (" + note + ")");
    }

    /** Pays what the rules allow (the invoice total, capped at the authorised amount). */
    void pay(String claimId) throws DemoFailure {
        String step = "3. claims adjuster pays claim " + claimId;
        Call call = Call.post("/api/v1/claims/{id}/pay", claimId);
        JsonNode claim = claims.call(step, call, token, Map.of(), 200);
        ServiceDepartment.requireStatus(step, call, 200, claim, "PAID");
        BigDecimal paid = ServiceApi.money(claim.path("payment").get("paidAmount"));
        boolean automatic = claim.path("authorization").path("automatic").asBoolean();
        ledger.paid(new PaidClaim(claimId, claim.path("contractNumber").asText(), paid, automatic));
        journal.line("claims adjuster", call.label(), "200 PAID " + paid + " on " + claim.path("contractNumber").asText()
                + ", paid to date " + claim.path("coverage").path("paidToDate").asText()
                + " of " + claim.path("coverage").path("limitOfLiability").asText());
    }

    void close(String claimId) throws DemoFailure {
        String step = "3. claims adjuster closes claim " + claimId;
        Call call = Call.post("/api/v1/claims/{id}/close", claimId);
        JsonNode claim = claims.call(step, call, token, Map.of(), 200);
        ServiceDepartment.requireStatus(step, call, 200, claim, "CLOSED");
        journal.line("claims adjuster", call.label(), "200 CLOSED, disposition " + claim.path("disposition").asText());
    }

    /** Names the actor only: the components include a bearer token. */
    @Override
    public String toString() {
        return "ClaimsAdjuster";
    }
}
