package com.fniexchange.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fniexchange.local.demo.DayLedger.SoldContract;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A repair facility: a dealership's service department (a DEALER token, its dealer code the
 * facility), filing claims on contracts wherever they were sold. It opens the claim on the repair
 * order, sends the estimate (at or under the auto-authorisation threshold it is authorised in the
 * same answer, which is what the shop waits for), and invoices the actual lines.
 */
record ServiceDepartment(ServiceApi claims, Journal journal, String facility, String token) {

    /** claims-service learns a contract from contract-events: a few seconds at most on a quiet machine. */
    private static final Duration COVERAGE_WAIT = Duration.ofSeconds(30);

    /** Looks the contract up until claims-service has it ACTIVE (its coverage projection follows contract-events). */
    void awaitCoverage(SoldContract contract) throws DemoFailure {
        String step = "3. facility " + facility + " looks up the coverage of " + contract.number();
        Call call = Call.get("/api/v1/claims/coverage?contractNumber={number}", contract.number());
        double since = journal.seconds();
        JsonNode coverage = Await.until(step, call.toString(), COVERAGE_WAIT, () -> {
            ServiceApi.Reply reply = claims.send(step, call, token, null);
            if (reply.status() == 404) {
                return Await.Look.notYet(404, reply.body());
            }
            if (reply.status() != 200) {
                throw new DemoFailure(step, call.toString(), reply.status(), reply.body());
            }
            JsonNode first = reply.json().path(0);
            return "ACTIVE".equals(first.path("status").asText()) ? Await.Look.done(first) : Await.Look.notYet(200, reply.body());
        });
        journal.line(actor(), call.label(), "200 ACTIVE, covered until " + coverage.path("coverageEndsOn").asText() + " or "
                + coverage.path("coverageEndsAtOdometer").asText() + " mi, limit left " + coverage.path("remainingLimit").asText()
                + " (seen after %.1f s)".formatted(journal.seconds() - since));
    }

    /** Opens a claim on the repair order; returns its id. */
    String open(SoldContract contract, String repairOrder, LocalDate repairDate, int odometer, String complaint) throws DemoFailure {
        String step = "3. facility " + facility + " opens a claim on " + contract.number() + " (" + repairOrder + ")";
        Call call = Call.post("/api/v1/claims");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("contractNumber", contract.number());
        body.put("repairOrderNumber", repairOrder);
        body.put("repairDate", repairDate.toString());
        body.put("repairFacilityName", "Service department " + facility);
        body.put("odometer", odometer);
        body.put("complaint", complaint);
        JsonNode claim = claims.call(step, call, token, body, 201);
        requireStatus(step, call, 201, claim, "OPEN");
        String claimId = claim.path("claimId").asText();
        journal.line(actor(), call.label(), "201 OPEN claim " + claimId + " " + repairOrder + " at " + odometer + " mi: " + complaint);
        return claimId;
    }

    /**
     * Sends the estimate.
     *
     * @param automatic whether this estimate must be authorised at once (at or under the threshold)
     *                  or wait for an adjuster
     */
    void estimate(String claimId, Repair repair, boolean automatic) throws DemoFailure {
        String step = "3. facility " + facility + " estimates claim " + claimId;
        Call call = Call.post("/api/v1/claims/{id}/estimate", claimId);
        JsonNode claim = claims.call(step, call, token, repair.body(), 200);
        String total = claim.path("estimate").path("total").asText();
        if (automatic) {
            requireStatus(step, call, 200, claim, "AUTHORIZED");
            JsonNode authorization = claim.path("authorization");
            journal.line(actor(), call.label(), "200 AUTHORIZED at once: " + authorization.path("authorizationNumber").asText()
                    + " for " + authorization.path("authorizedAmount").asText() + " (estimate " + total + " after the deductible)");
        } else {
            requireStatus(step, call, 200, claim, "ESTIMATE_SUBMITTED");
            if (!claim.path("needsAdjuster").asBoolean()) {
                throw new DemoFailure(step, call + " (expected it to need an adjuster)", 200, claim.toString());
            }
            journal.line(actor(), call.label(), "200 ESTIMATE_SUBMITTED, needs an adjuster: " + claim.path("adjusterReason").asText());
        }
    }

    void invoice(String claimId, Repair repair) throws DemoFailure {
        String step = "3. facility " + facility + " invoices claim " + claimId;
        Call call = Call.post("/api/v1/claims/{id}/invoice", claimId);
        JsonNode claim = claims.call(step, call, token, repair.body(), 200);
        requireStatus(step, call, 200, claim, "INVOICED");
        journal.line(actor(), call.label(), "200 INVOICED " + claim.path("invoice").path("total").asText()
                + " (authorised " + claim.path("authorization").path("authorizedAmount").asText() + ")");
    }

    private String actor() {
        return "facility " + facility;
    }

    static void requireStatus(String step, Call call, int httpStatus, JsonNode claim, String status) throws DemoFailure {
        if (!status.equals(claim.path("status").asText())) {
            throw new DemoFailure(step, call + " (expected the claim " + status + ")", httpStatus, claim.toString());
        }
    }

    /** Names the actor only: the components include a bearer token. */
    @Override
    public String toString() {
        return "ServiceDepartment";
    }
}
