package com.fniexchange.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fniexchange.local.demo.DayLedger.ApprovedCancellation;
import com.fniexchange.local.demo.DayLedger.SoldContract;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A cancellation from quote to refund: the selling dealer quotes the refund and requests the
 * cancellation (role DEALER, its own contracts only), a provider administrator approves it and
 * records the refund payment (PROVIDER_ADMIN). contract-service hears of the approval on
 * cancellation-events and marks the contract CANCELLED, so the dealer then sees it there.
 */
record CancellationDesk(ServiceApi cancellations, ServiceApi contracts, Journal journal, DayLedger ledger, String adminToken) {

    /** The contract reaches cancellation-service, and the approval contract-service, by events. */
    private static final Duration EVENT_WAIT = Duration.ofSeconds(30);
    /** What cancellation-service says of a contract it has heard of but not yet as ACTIVE. */
    private static final Set<String> NOT_ACTIVE_YET = Set.of("SUBMITTED", "PENDING_REVIEW");

    /**
     * The dealer's refund quote. Asked again while cancellation-service has not yet learnt the
     * contract (404) or has it but not yet as ACTIVE (422 {@code contract-not-active}); each ask
     * is a new request with a key of its own, since a refusal is kept for its Idempotency-Key.
     *
     * @return the quote
     */
    JsonNode quote(SoldContract contract, String dealerToken, LocalDate cancelDate, int odometer, String reason) throws DemoFailure {
        String step = "4. dealer " + contract.dealerCode() + " quotes the cancellation of " + contract.number();
        Call call = Call.post("/api/v1/cancellations/quotes");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("contractNumber", contract.number());
        body.put("cancelDate", cancelDate.toString());
        body.put("odometer", odometer);
        body.put("reason", reason);
        JsonNode quote = Await.until(step, call.toString(), EVENT_WAIT, () -> {
            ServiceApi.Reply reply = cancellations.send(step, call, dealerToken, body);
            if (reply.status() == 201) {
                return Await.Look.done(reply.json());
            }
            boolean notYet = reply.status() == 404 || reply.status() == 422 && "contract-not-active".equals(reply.problemType())
                    && NOT_ACTIVE_YET.contains(reply.json().path("contractStatus").asText());
            if (notYet) {
                return Await.Look.notYet(reply.status(), reply.body());
            }
            throw new DemoFailure(step, call + " (expected 201)", reply.status(), reply.body());
        });
        journal.line("dealer " + contract.dealerCode(), call.label(), "201 refund " + quote.path("refund").asText() + " of "
                + quote.path("customerPrice").asText() + " (" + quote.path("rule").path("code").asText() + ", basis "
                + quote.path("basis").asText() + ", fee " + quote.path("fee").asText() + ", dealer chargeback "
                + quote.path("dealerChargeback").asText() + ", to the " + quote.path("payee").asText().toLowerCase()
                + " by " + quote.path("refundDueDate").asText() + ")");
        return quote;
    }

    /** The dealer requests the cancellation on the quote; returns the cancellation id. */
    String request(SoldContract contract, String dealerToken, JsonNode quote) throws DemoFailure {
        String step = "4. dealer " + contract.dealerCode() + " requests the cancellation of " + contract.number();
        Call call = Call.post("/api/v1/cancellations");
        JsonNode cancellation = cancellations.call(step, call, dealerToken,
                Map.of("quoteId", quote.path("quoteId").asText(), "reason", quote.path("reason").asText()), 201);
        requireStatus(step, call, 201, cancellation, "REQUESTED");
        String id = cancellation.path("cancellationId").asText();
        journal.line("dealer " + contract.dealerCode(), call.label(), "201 REQUESTED cancellation " + id);
        return id;
    }

    void approve(SoldContract contract, String cancellationId) throws DemoFailure {
        String step = "4. provider admin approves cancellation " + cancellationId;
        Call call = Call.post("/api/v1/cancellations/{id}/approve", cancellationId);
        JsonNode approved = cancellations.call(step, call, adminToken, null, 200);
        requireStatus(step, call, 200, approved, "APPROVED");
        JsonNode refund = approved.path("approvedRefund");
        ledger.approved(new ApprovedCancellation(cancellationId, contract.number(), ServiceApi.money(refund.get("refund")),
                ServiceApi.money(refund.get("dealerChargeback"))));
        journal.line("provider admin", call.label(), "200 APPROVED refund " + refund.path("refund").asText() + ", chargeback "
                + refund.path("dealerChargeback").asText() + (refund.path("recomputedAtApproval").asBoolean()
                ? " (recomputed: " + refund.path("recomputedBecause").asText() + ")" : ""));
    }

    void recordRefundPaid(String cancellationId, String reference, LocalDate paidDate) throws DemoFailure {
        String step = "4. provider admin records the refund of cancellation " + cancellationId;
        Call call = Call.post("/api/v1/cancellations/{id}/refund-paid", cancellationId);
        JsonNode paid = cancellations.call(step, call, adminToken,
                Map.of("method", "ACH", "reference", reference, "paidDate", paidDate.toString()), 200);
        requireStatus(step, call, 200, paid, "REFUND_PAID");
        journal.line("provider admin", call.label(), "200 REFUND_PAID by ACH " + reference + " on " + paidDate
                + (paid.path("payment").path("paidLate").asBoolean() ? " (late)" : " (on time)"));
    }

    /** The dealer looks at the contract until contract-service shows it CANCELLED. */
    void awaitCancelled(SoldContract contract, String dealerToken) throws DemoFailure {
        String step = "5. dealer " + contract.dealerCode() + " sees " + contract.number() + " CANCELLED";
        Call call = Call.get("/api/v1/contracts/{number}", contract.number());
        double since = journal.seconds();
        JsonNode cancelled = Await.until(step, call.toString(), EVENT_WAIT, () -> {
            JsonNode seen = contracts.call(step, call, dealerToken, null, 200);
            return "CANCELLED".equals(seen.path("status").asText()) ? Await.Look.done(seen) : Await.Look.notYet(200, seen.toString());
        });
        ledger.statusChanged(contract.number(), "CANCELLED");
        JsonNode history = cancelled.path("history");
        journal.line("dealer " + contract.dealerCode(), call.label(), "200 CANCELLED (seen after %.1f s): %s".formatted(
                journal.seconds() - since, history.path(history.size() - 1).path("reason").asText()));
    }

    private static void requireStatus(String step, Call call, int httpStatus, JsonNode cancellation, String status) throws DemoFailure {
        if (!status.equals(cancellation.path("status").asText())) {
            throw new DemoFailure(step, call + " (expected the cancellation " + status + ")", httpStatus, cancellation.toString());
        }
    }

    /** Names the actor only: the components include a bearer token. */
    @Override
    public String toString() {
        return "CancellationDesk";
    }
}
