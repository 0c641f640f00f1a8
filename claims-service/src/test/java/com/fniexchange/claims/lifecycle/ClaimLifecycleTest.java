package com.fniexchange.claims.lifecycle;

import static com.fniexchange.claims.Claims.ADJUSTER;
import static com.fniexchange.claims.Claims.ADMIN;
import static com.fniexchange.claims.Claims.FACILITY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fniexchange.claims.Claims;
import com.fniexchange.claims.ClaimDeskTest;
import com.fniexchange.claims.ClaimsServiceTest;
import com.fniexchange.claims.ContractFeed;
import com.fniexchange.claims.Http;
import com.fniexchange.model.event.contract.ContractSubmitted;
import org.junit.jupiter.api.Test;

/** The lifecycle through the API: auto-authorisation, the adjuster's path, denial and appeal, and every refused transition. */
@ClaimsServiceTest
class ClaimLifecycleTest extends ClaimDeskTest {


    private JsonNode openClaim(ContractSubmitted contract) {
        Http.Response opened = http.post("/api/v1/claims", FACILITY, Claims.open(contract.contractNumber().value(),
                ContractFeed.today(), 30_000));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(opened.headers().get("location")).endsWith(opened.json().get("claimId").asText());
        return opened.json();
    }

    @Test
    void anEstimateUnderTheThresholdIsAuthorisedAtOnceAndTheShopGetsItsNumber() {
        ContractSubmitted contract = feed.activeContract(40);
        JsonNode claim = openClaim(contract);
        assertThat(claim.get("status").asText()).isEqualTo("OPEN");
        assertThat(claim.get("coverage").get("sellingDealer").asText()).isEqualTo("D1001");
        assertThat(claim.get("repairFacility").asText()).isEqualTo("D2002");
        String id = claim.get("claimId").asText();

        // 412.35 + 2.4 × 145.00 + 95.00 = 855.35; less the $100 deductible = 755.35
        Http.Response estimated = http.post("/api/v1/claims/" + id + "/estimate", FACILITY, Claims.lines("412.35"));
        assertThat(estimated.status()).as(estimated.body()).isEqualTo(200);
        JsonNode e = estimated.json();
        assertThat(e.get("status").asText()).isEqualTo("AUTHORIZED");
        assertThat(e.get("estimate").get("gross").decimalValue()).isEqualByComparingTo("855.35");
        assertThat(e.get("estimate").get("deductible").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(e.get("estimate").get("total").decimalValue()).isEqualByComparingTo("755.35");
        assertThat(e.get("needsAdjuster").asBoolean()).isFalse();
        assertThat(e.get("authorization").get("authorizationNumber").asText()).matches("AUTH-\\d{8,}");
        assertThat(e.get("authorization").get("authorizedAmount").decimalValue()).isEqualByComparingTo("755.35");
        assertThat(e.get("authorization").get("automatic").asBoolean()).isTrue();
        assertThat(e.get("allowedActions")).extracting(JsonNode::asText).containsExactly("invoice");

        Http.Response invoiced = http.post("/api/v1/claims/" + id + "/invoice", FACILITY, Claims.lines("400.00"));
        assertThat(invoiced.status()).as(invoiced.body()).isEqualTo(200);
        assertThat(invoiced.json().get("invoice").get("total").decimalValue()).isEqualByComparingTo("743.00");

        Http.Response paid = http.post("/api/v1/claims/" + id + "/pay", ADJUSTER, "{}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        assertThat(paid.json().get("payment").get("paidAmount").decimalValue()).isEqualByComparingTo("743.00");
        assertThat(paid.json().get("coverage").get("paidToDate").decimalValue()).isEqualByComparingTo("743.00");
        assertThat(paid.json().get("coverage").get("remainingLimit").decimalValue()).isEqualByComparingTo("14257.00");

        Http.Response closed = http.post("/api/v1/claims/" + id + "/close", ADMIN, "{}");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().get("disposition").asText()).isEqualTo("PAID");
        assertThat(closed.json().get("history")).extracting(h -> h.get("to").asText())
                .containsExactly("OPEN", "ESTIMATE_SUBMITTED", "AUTHORIZED", "INVOICED", "PAID", "CLOSED");
    }

    @Test
    void anEstimateAboveTheThresholdWaitsInTheAdjustersQueueAndIsAuthorisedThere() {
        ContractSubmitted contract = feed.activeContract(40);
        String id = openClaim(contract).get("claimId").asText();
        JsonNode e = http.post("/api/v1/claims/" + id + "/estimate", FACILITY, Claims.lines("1412.35")).json();
        assertThat(e.get("status").asText()).isEqualTo("ESTIMATE_SUBMITTED");
        assertThat(e.get("needsAdjuster").asBoolean()).isTrue();
        assertThat(e.get("adjusterReason").asText()).contains("1755.35").contains("1000.00");
        assertThat(e.get("authorization").isNull()).isTrue();

        JsonNode queue = http.get("/api/v1/claims?status=ESTIMATE_SUBMITTED&needsAdjuster=true&limit=200", ADJUSTER).json();
        assertThat(queue.get("items")).extracting(c -> c.get("claimId").asText()).contains(id);

        // a facility cannot authorise its own claim
        assertThat(http.post("/api/v1/claims/" + id + "/authorize", FACILITY, "{}").status()).isEqualTo(403);
        Http.Response tooMuch = http.post("/api/v1/claims/" + id + "/authorize", ADJUSTER, "{\"amount\":1755.36}");
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.problemType()).isEqualTo("exceeds-estimate");

        Http.Response authorized = http.post("/api/v1/claims/" + id + "/authorize", ADJUSTER, "{\"amount\":1500.00,\"note\":\"labour time per guide\"}");
        assertThat(authorized.status()).as(authorized.body()).isEqualTo(200);
        assertThat(authorized.json().get("authorization").get("authorizedAmount").decimalValue()).isEqualByComparingTo("1500.00");
        assertThat(authorized.json().get("authorization").get("authorizedBy").asText()).isEqualTo("adjuster@provider");
        assertThat(authorized.json().get("needsAdjuster").asBoolean()).isFalse();
        JsonNode after = http.get("/api/v1/claims?status=ESTIMATE_SUBMITTED&needsAdjuster=true&limit=200", ADJUSTER).json();
        assertThat(after.get("items")).extracting(c -> c.get("claimId").asText()).doesNotContain(id);

        http.post("/api/v1/claims/" + id + "/invoice", FACILITY, Claims.lines("1412.35"));
        Http.Response overAuthorized = http.post("/api/v1/claims/" + id + "/pay", ADJUSTER, "{\"amount\":1500.01}");
        assertThat(overAuthorized.status()).isEqualTo(422);
        assertThat(overAuthorized.problemType()).isEqualTo("exceeds-authorized-amount");
        assertThat(overAuthorized.json().get("authorizedAmount").decimalValue()).isEqualByComparingTo("1500.00");
        Http.Response paid = http.post("/api/v1/claims/" + id + "/pay", ADJUSTER, "{}");
        assertThat(paid.json().get("payment").get("paidAmount").decimalValue()).isEqualByComparingTo("1500.00");
    }

    @Test
    void aDeniedClaimMayBeAppealedAndIsBackInTheQueue() {
        ContractSubmitted contract = feed.activeContract(40);
        String id = openClaim(contract).get("claimId").asText();
        http.post("/api/v1/claims/" + id + "/estimate", FACILITY, Claims.lines("1412.35"));
        Http.Response inspection = http.post("/api/v1/claims/" + id + "/inspection", ADJUSTER, "{\"reason\":\"photos needed\"}");
        assertThat(inspection.json().get("status").asText()).isEqualTo("INSPECTION");
        Http.Response denied = http.post("/api/v1/claims/" + id + "/deny", ADJUSTER, "{\"reason\":\"wear item, not a covered component\"}");
        assertThat(denied.json().get("status").asText()).isEqualTo("DENIED");
        assertThat(denied.json().get("dispositionReason").asText()).isEqualTo("wear item, not a covered component");
        assertThat(denied.json().get("allowedActions")).extracting(JsonNode::asText).containsExactly("appeal", "close");

        Http.Response appealed = http.post("/api/v1/claims/" + id + "/appeal", FACILITY, "{\"reason\":\"seal failure, not wear\"}");
        assertThat(appealed.json().get("status").asText()).isEqualTo("APPEALED");
        assertThat(appealed.json().get("needsAdjuster").asBoolean()).isTrue();
        Http.Response again = http.post("/api/v1/claims/" + id + "/authorize", ADJUSTER, "{}");
        assertThat(again.json().get("status").asText()).isEqualTo("AUTHORIZED");
    }

    @Test
    void anIllegalTransitionIs409NamingTheCurrentStatusAndTheAllowedOnes() {
        ContractSubmitted contract = feed.activeContract(40);
        String id = openClaim(contract).get("claimId").asText();
        Http.Response pay = http.post("/api/v1/claims/" + id + "/pay", ADJUSTER, "{}");
        assertThat(pay.status()).isEqualTo(409);
        assertThat(pay.headers().get("content-type")).startsWith("application/problem+json");
        assertThat(pay.problemType()).isEqualTo("invalid-state-transition");
        assertThat(pay.json().get("currentStatus").asText()).isEqualTo("OPEN");
        assertThat(pay.json().get("action").asText()).isEqualTo("pay");
        assertThat(pay.json().get("allowedActions").asText()).isEqualTo("estimate, deny, close");
        assertThat(pay.json().get("detail").asText()).contains("OPEN").contains("estimate, deny, close");

        Http.Response withdrawWithoutReason = http.post("/api/v1/claims/" + id + "/close", ADJUSTER, "{}");
        assertThat(withdrawWithoutReason.status()).isEqualTo(400);
        assertThat(withdrawWithoutReason.json().get("errors").get(0).get("field").asText()).isEqualTo("reason");
        Http.Response withdrawn = http.post("/api/v1/claims/" + id + "/close", ADJUSTER, "{\"reason\":\"customer declined the repair\"}");
        assertThat(withdrawn.json().get("disposition").asText()).isEqualTo("WITHDRAWN");
        Http.Response afterClose = http.post("/api/v1/claims/" + id + "/estimate", FACILITY, Claims.lines("10.00"));
        assertThat(afterClose.status()).isEqualTo(409);
        assertThat(afterClose.json().get("currentStatus").asText()).isEqualTo("CLOSED");
        assertThat(afterClose.json().get("allowedActions").asText()).isEmpty();
    }

    @Test
    void aRepairOrderIsClaimedOnceAndBadInputNamesItsField() {
        ContractSubmitted contract = feed.activeContract(40);
        String body = Claims.open(contract.contractNumber().value(), ContractFeed.today(), 30_000);
        assertThat(http.post("/api/v1/claims", FACILITY, body).status()).isEqualTo(201);
        Http.Response again = http.post("/api/v1/claims", FACILITY, body);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemType()).isEqualTo("duplicate-claim");
        assertThat(again.json().get("existingClaimId").asText()).isNotBlank();

        Http.Response bad = http.post("/api/v1/claims", FACILITY, """
                {"contractNumber":"%s","repairOrderNumber":"RO 1","repairDate":"2027-13-01","odometer":-1}
                """.formatted(contract.contractNumber()));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("repairDate");
        Http.Response future = http.post("/api/v1/claims", FACILITY, Claims.open(contract.contractNumber().value(),
                ContractFeed.today().plusDays(1), 30_000));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("errors").get(0).get("field").asText()).isEqualTo("repairDate");
        Http.Response neither = http.post("/api/v1/claims", FACILITY, Claims.open("", ContractFeed.today(), 30_000));
        assertThat(neither.status()).isEqualTo(400);
        Http.Response unknown = http.post("/api/v1/claims", FACILITY, Claims.open("VSC00000000", ContractFeed.today(), 30_000));
        assertThat(unknown.status()).isEqualTo(404);

        // by VIN when the contract number is not at hand
        Http.Response byVin = http.post("/api/v1/claims", FACILITY, """
                {"vin":"%s","repairOrderNumber":"%s","repairDate":"%s","repairFacilityName":"Northside Honda Service",
                 "odometer":30000,"complaint":"Noise from transmission"}""".formatted(contract.vin(), Claims.ro(), ContractFeed.today()));
        assertThat(byVin.status()).as(byVin.body()).isEqualTo(201);
        assertThat(byVin.json().get("contractNumber").asText()).isEqualTo(contract.contractNumber().value());

        Http.Response emptyEstimate = http.post("/api/v1/claims/" + byVin.json().get("claimId").asText() + "/estimate", FACILITY,
                "{\"lines\":{}}");
        assertThat(emptyEstimate.status()).isEqualTo(400);
        assertThat(emptyEstimate.json().get("errors").get(0).get("field").asText()).isEqualTo("lines");
        Http.Response tooPrecise = http.post("/api/v1/claims/" + byVin.json().get("claimId").asText() + "/estimate", FACILITY,
                Claims.lines("10.005"));
        assertThat(tooPrecise.status()).isEqualTo(400);
        assertThat(tooPrecise.body()).contains("unitPrice");
    }

    @Test
    void linesThatAddUpPastTheLargestAmountAre400NamingTheLines() {
        ContractSubmitted contract = feed.activeContract(40);
        String id = http.post("/api/v1/claims", FACILITY, Claims.open(contract.contractNumber().value(), ContractFeed.today(), 30_000))
                .json().get("claimId").asText();
        // each line within its own bounds (quantity 999999.99 x unit price 99999999.99), together about 1e14
        Http.Response huge = http.post("/api/v1/claims/" + id + "/estimate", FACILITY, """
                {"lines":{"parts":[{"partNumber":"P1","quantity":999999.99,"unitPrice":99999999.99}]}}""");
        assertThat(huge.status()).as(huge.body()).isEqualTo(400);
        assertThat(huge.json().get("errors").get(0).get("field").asText()).isEqualTo("lines");
        assertThat(http.get("/api/v1/claims/" + id, FACILITY).json().get("status").asText()).isEqualTo("OPEN");
    }
}
