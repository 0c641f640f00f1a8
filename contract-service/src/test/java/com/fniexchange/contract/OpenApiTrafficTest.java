package com.fniexchange.contract;

import static com.fniexchange.testsupport.OpenApiContract.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fniexchange.testsupport.DevJwt;
import com.fniexchange.testsupport.OpenApiContract;
import com.fniexchange.testsupport.TestVins;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;

/**
 * The OpenAPI document matches real traffic: every operation's flows and every error it
 * documents are driven through the whole service (real database, security, filters), and every
 * request and response is validated against the service's own {@code /v3/api-docs}.
 */
@ContractServiceTest
class OpenApiTrafficTest {

    private static final String DEALER = DevJwt.dealer("D3003");
    private static final String ADMIN = DevJwt.providerAdmin();
    private static final String REASON = "{\"reason\":\"deal unwound before funding\"}";

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    OpenApiContract api;

    @BeforeEach
    void setUp() {
        api = OpenApiContract.of(context);
    }

    @Test
    void everyOperationAndEveryDocumentedErrorMatchesTheDocument() throws Exception {
        // rating: a state without a retail rule (retailRule null, GAP limits and null mileage terms) and one with
        JsonNode texas = status(201, json(post("/api/v1/rates"), DEALER, Api.rateRequest(TestVins.next(), "TX")));
        assertThat(texas.get("retailRule").isNull()).isTrue();
        assertThat(texas.get("plans").findValues("termMiles")).anyMatch(JsonNode::isNull);
        assertThat(texas.get("plans").findValues("maxAmountFinanced")).anyMatch(JsonNode::isNull);
        JsonNode florida = status(201, json(post("/api/v1/rates"), DEALER, Api.rateRequest(TestVins.next(), "FL")));
        assertThat(florida.get("retailRule").asText()).isEqualTo("RETAIL_EQUALS_SUGGESTED");
        status(400, json(post("/api/v1/rates"), DEALER, "{\"vin\":\"nope\",\"modelYear\":\"new\"}"));
        commonErrors(post("/api/v1/rates"), Api.rateRequest(TestVins.next(), "TX"));

        // submission: ACTIVE and financed; PENDING_REVIEW and not financed (lienholder null)
        String quoteId = texas.get("quoteId").asText();
        JsonNode active = status(201, json(post("/api/v1/contracts"), DEALER, Api.submission(quoteId, "VSC-60-75-100", deal(), "2195.00")));
        assertThat(active.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(active.get("remittance").isNull()).isTrue();
        assertThat(active.get("history").get(0).get("from").isNull()).isTrue();
        JsonNode pending = status(201, json(post("/api/v1/contracts"), DEALER, """
                {"quoteId":"%s","planCode":"GAP-72","dealNumber":"%s","customerPrice":1.00,"financed":false,
                 "customer":{"firstName":"Jane","lastName":"Doe"}}""".formatted(quoteId, deal())));
        assertThat(pending.get("status").asText()).isEqualTo("PENDING_REVIEW");
        assertThat(pending.get("lienholder").isNull()).isTrue();
        String duplicateDeal = active.get("dealNumber").asText();
        status(409, json(post("/api/v1/contracts"), DEALER, Api.submission(quote(), "VSC-60-75-100", duplicateDeal, "2195.00")));
        status(404, json(post("/api/v1/contracts"), DEALER, Api.submission(UUID.randomUUID().toString(), "VSC-60-75-100", deal(), "2195.00")));
        String expired = quote();
        jdbc.sql("UPDATE quote SET expires_at = now() - interval '1 minute' WHERE quote_id = :id")
                .param("id", UUID.fromString(expired)).update();
        status(422, json(post("/api/v1/contracts"), DEALER, Api.submission(expired, "VSC-60-75-100", deal(), "2195.00")));
        status(422, json(post("/api/v1/contracts"), DEALER, Api.submission(florida.get("quoteId").asText(), "VSC-60-75-100", deal(), "2000.00")));
        status(400, json(post("/api/v1/contracts"), DEALER, "{\"quoteId\":\"not-a-uuid\",\"customerPrice\":1.005}"));
        commonErrors(post("/api/v1/contracts"), Api.submission(quote(), "VSC-60-75-100", deal(), "2195.00"));

        // lookup
        String activeNumber = active.get("contractNumber").asText();
        status(200, api.perform(get("/api/v1/contracts/" + activeNumber).header("Authorization", "Bearer " + DEALER)));
        status(200, api.perform(get("/api/v1/contracts/" + activeNumber).header("Authorization", "Bearer " + ADMIN)));
        status(404, api.perform(get("/api/v1/contracts/" + activeNumber).header("Authorization", "Bearer " + DevJwt.dealer("D3004"))));
        commonErrors(get("/api/v1/contracts/" + activeNumber), null);

        // listing, followed page by page to the last (nextCursor null)
        OpenApiContract.Pages pages = api.followPages(
                () -> get("/api/v1/contracts").param("limit", "1").header("Authorization", "Bearer " + DEALER), 10);
        assertThat(pages.count()).isGreaterThan(1);
        assertThat(pages.nextCursor()).as("the last page has no next cursor").isNull();
        status(200, api.perform(get("/api/v1/contracts").param("status", "PENDING_REVIEW").param("dealerCode", "D3003")
                .param("updatedSince", "2020-01-01T00:00:00Z").header("Authorization", "Bearer " + ADMIN)));
        status(400, api.perform(get("/api/v1/contracts").param("limit", "0").header("Authorization", "Bearer " + DEALER)));
        status(400, api.perform(get("/api/v1/contracts").param("cursor", "garbage!").header("Authorization", "Bearer " + DEALER)));
        commonErrors(get("/api/v1/contracts"), null);

        // review: approve (with a note, and with no body at all), reject
        String pendingNumber = pending.get("contractNumber").asText();
        JsonNode approved = status(200, json(post("/api/v1/contracts/" + pendingNumber + "/approve"), ADMIN, "{\"note\":\"checked\"}"));
        assertThat(approved.get("status").asText()).isEqualTo("ACTIVE");
        status(409, json(post("/api/v1/contracts/" + pendingNumber + "/approve"), ADMIN, "{}"));
        status(404, api.perform(post("/api/v1/contracts/VSC00000000/approve").header("Authorization", "Bearer " + ADMIN)));
        status(400, json(post("/api/v1/contracts/" + pendingNumber + "/approve"), ADMIN, "{\"note\":\"" + "x".repeat(501) + "\"}"));
        commonErrors(post("/api/v1/contracts/" + pendingNumber + "/approve"), "{}");
        String toReject = pendingContract();
        status(200, api.perform(post("/api/v1/contracts/" + pendingContract() + "/approve").header("Authorization", "Bearer " + ADMIN)));
        JsonNode rejected = status(200, json(post("/api/v1/contracts/" + toReject + "/reject"), ADMIN, REASON));
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        status(409, json(post("/api/v1/contracts/" + toReject + "/reject"), ADMIN, REASON));
        status(404, json(post("/api/v1/contracts/VSC00000000/reject"), ADMIN, REASON));
        status(400, json(post("/api/v1/contracts/" + toReject + "/reject"), ADMIN, "{\"reason\":\" \"}"));
        commonErrors(post("/api/v1/contracts/" + toReject + "/reject"), REASON);

        // void: inside the window, twice (409), after the window (422)
        String toVoid = activeContract();
        status(200, json(post("/api/v1/contracts/" + toVoid + "/void"), DEALER, REASON));
        status(409, json(post("/api/v1/contracts/" + toVoid + "/void"), DEALER, REASON));
        status(404, json(post("/api/v1/contracts/" + toVoid + "/void"), DevJwt.dealer("D3004"), REASON));
        String late = activeContract();
        jdbc.sql("UPDATE contract SET sale_date = sale_date - 40, voidable_until = voidable_until - 40 WHERE contract_number = :n").param("n", late).update();
        status(422, json(post("/api/v1/contracts/" + late + "/void"), ADMIN, REASON));
        status(400, json(post("/api/v1/contracts/" + late + "/void"), ADMIN, "{}"));
        commonErrors(post("/api/v1/contracts/" + late + "/void"), REASON);

        // remittance: recorded, then the same contract again (422), then read back
        String remit = "{\"contractNumbers\":[\"" + activeNumber + "\",\"" + pendingNumber + "\"]}";
        JsonNode remittance = status(201, json(post("/api/v1/remittances"), DEALER, remit));
        status(422, json(post("/api/v1/remittances"), DEALER, remit));
        status(400, json(post("/api/v1/remittances"), DEALER, "{\"contractNumbers\":[]}"));
        commonErrors(post("/api/v1/remittances"), "{\"contractNumbers\":[\"" + activeContract() + "\"]}");
        String remittanceId = remittance.get("remittanceId").asText();
        status(200, api.perform(get("/api/v1/remittances/" + remittanceId).header("Authorization", "Bearer " + DEALER)));
        status(404, api.perform(get("/api/v1/remittances/" + remittanceId).header("Authorization", "Bearer " + DevJwt.dealer("D3004"))));
        status(400, api.perform(get("/api/v1/remittances/not-a-uuid").header("Authorization", "Bearer " + DEALER)));
        commonErrors(get("/api/v1/remittances/" + remittanceId), null);
        // the contract now carries its remittance
        JsonNode remitted = status(200, api.perform(get("/api/v1/contracts/" + activeNumber).header("Authorization", "Bearer " + DEALER)));
        assertThat(remitted.get("remittance").get("remittanceId").asText()).isEqualTo(remittanceId);

        api.assertEveryOperationExercised();
        // a healthy service cannot be driven to 500; every other documented status was answered for real
        api.assertEveryDocumentedStatusExercised(500);
        int exchanges = api.exercised().values().stream().mapToInt(java.util.Set::size).sum();
        System.out.println("OpenAPI traffic: " + api.validatedExchanges() + " exchanges validated; " + api.exercised().size()
                + " operations, " + exchanges + " distinct (operation, status) responses: " + api.exercised());
    }

    /** What the platform answers on every operation, and on POSTs about the body and Idempotency-Key. */
    private void commonErrors(MockHttpServletRequestBuilder request, String body) throws Exception {
        api.assertPlatformErrors(request, body, tokenFor(request));
    }

    /** A token the operation accepts, so the platform answer under test is the only one left. */
    private static String tokenFor(MockHttpServletRequestBuilder request) {
        String uri = request.buildRequest(new org.springframework.mock.web.MockServletContext()).getRequestURI();
        return uri.endsWith("/approve") || uri.endsWith("/reject") ? ADMIN : DEALER;
    }

    private org.springframework.test.web.servlet.ResultActions json(MockHttpServletRequestBuilder request, String token, String body) {
        return api.perform(request.header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private String quote() throws Exception {
        return status(201, json(post("/api/v1/rates"), DEALER, Api.rateRequest(TestVins.next(), "TX"))).get("quoteId").asText();
    }

    private String activeContract() throws Exception {
        return status(201, json(post("/api/v1/contracts"), DEALER, Api.submission(quote(), "VSC-60-75-100", deal(), "2195.00")))
                .get("contractNumber").asText();
    }

    private String pendingContract() throws Exception {
        return status(201, json(post("/api/v1/contracts"), DEALER, Api.submission(quote(), "VSC-60-75-100", deal(), "1000.00")))
                .get("contractNumber").asText();
    }

    private static String deal() {
        return "DEAL-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
