package com.fniexchange.claims;

import static com.fniexchange.claims.Claims.ADJUSTER;
import static com.fniexchange.claims.Claims.ADMIN;
import static com.fniexchange.claims.Claims.FACILITY;
import static com.fniexchange.claims.Claims.OTHER_FACILITY;
import static com.fniexchange.testsupport.OpenApiContract.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fniexchange.model.event.contract.ContractSubmitted;
import com.fniexchange.testsupport.OpenApiContract;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;

/**
 * The OpenAPI document matches real traffic: every operation's flows and every error it
 * documents are driven through the whole service, and every request and response is validated
 * against the service's own {@code /v3/api-docs}.
 */
@ClaimsServiceTest
class OpenApiTrafficTest {

    private static final String NOBODY = "/api/v1/claims/00000000-0000-0000-0000-000000000000";
    private static final String REASON = "{\"reason\":\"wear item, not a covered component\"}";

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    OpenApiContract api;
    ContractFeed feed;
    final LocalDate today = ContractFeed.today();

    @BeforeEach
    void setUp() {
        api = OpenApiContract.of(context);
        feed = new ContractFeed(jdbc);
    }

    @Test
    void everyOperationAndEveryDocumentedErrorMatchesTheDocument() throws Exception {
        ContractSubmitted contract = feed.activeContract(40);
        String number = contract.contractNumber().value();
        String openBody = Claims.open(number, today, 30_000);

        // open: created, the same repair order again, an unknown contract, a refused coverage rule
        JsonNode small = status(201, json(post("/api/v1/claims"), FACILITY, openBody));
        status(409, json(post("/api/v1/claims"), FACILITY, openBody));
        status(404, json(post("/api/v1/claims"), FACILITY, Claims.open("VSC00000000", today, 30_000)));
        status(422, json(post("/api/v1/claims"), FACILITY, Claims.open(number, today, 24_600)));
        status(400, json(post("/api/v1/claims"), FACILITY, "{\"repairDate\":\"yesterday\"}"));
        commonErrors(post("/api/v1/claims"), Claims.open(number, today, 30_000));

        // the happy path: auto-authorised estimate, invoice, payment, close
        String id = small.get("claimId").asText();
        JsonNode authorized = status(200, json(post("/api/v1/claims/" + id + "/estimate"), FACILITY, Claims.lines("412.35")));
        assertThat(authorized.get("authorization").get("authorizationNumber").asText()).startsWith("AUTH-");
        status(409, json(post("/api/v1/claims/" + id + "/estimate"), FACILITY, Claims.lines("412.35")));
        status(404, json(post(NOBODY + "/estimate"), FACILITY, Claims.lines("1.00")));
        status(200, json(post("/api/v1/claims/" + id + "/invoice"), FACILITY, Claims.lines("400.00")));
        status(409, json(post("/api/v1/claims/" + id + "/invoice"), FACILITY, Claims.lines("400.00")));
        status(404, json(post(NOBODY + "/invoice"), FACILITY, Claims.lines("1.00")));
        status(422, json(post("/api/v1/claims/" + id + "/pay"), ADJUSTER, "{\"amount\":9999.00}"));
        status(200, json(post("/api/v1/claims/" + id + "/pay"), ADJUSTER, "{}"));
        status(409, json(post("/api/v1/claims/" + id + "/pay"), ADJUSTER, "{}"));
        status(404, json(post(NOBODY + "/pay"), ADJUSTER, "{}"));
        status(200, api.perform(post("/api/v1/claims/" + id + "/close").header("Authorization", "Bearer " + ADMIN)));
        status(409, json(post("/api/v1/claims/" + id + "/close"), ADMIN, "{}"));
        status(404, json(post(NOBODY + "/close"), ADMIN, "{}"));

        // requests that leave out every optional field, and the answers that then carry nulls
        String minimal = status(201, json(post("/api/v1/claims"), FACILITY, """
                {"contractNumber":"%s","repairOrderNumber":"%s","repairDate":"%s","repairFacilityName":"Eastside Service",
                 "odometer":30000,"complaint":"Noise"}
                """.formatted(number, Claims.ro(), today))).get("claimId").asText();
        JsonNode estimated = status(200, json(post("/api/v1/claims/" + minimal + "/estimate"), FACILITY, Claims.minimalLines("20.00")));
        assertThat(estimated.get("estimate").get("lines").get("parts").get(0).get("description").isNull())
                .as("a part without a description is answered with null, which the document must allow").isTrue();
        status(200, json(post("/api/v1/claims/" + minimal + "/invoice"), FACILITY, Claims.minimalLines("20.00")));
        status(200, api.perform(get("/api/v1/claims/" + minimal).header("Authorization", "Bearer " + FACILITY)));

        // the adjuster's path: queue, inspection, denial, appeal, authorisation
        String large = status(201, json(post("/api/v1/claims"), FACILITY, Claims.open(number, today, 30_000))).get("claimId").asText();
        status(200, json(post("/api/v1/claims/" + large + "/estimate"), FACILITY, Claims.lines("1412.35")));
        status(422, json(post("/api/v1/claims/" + large + "/authorize"), ADJUSTER, "{\"amount\":99999.00}"));
        status(200, json(post("/api/v1/claims/" + large + "/inspection"), ADJUSTER, "{\"reason\":\"photos needed\"}"));
        status(409, api.perform(post("/api/v1/claims/" + large + "/inspection").header("Authorization", "Bearer " + ADJUSTER)));
        status(404, json(post(NOBODY + "/inspection"), ADJUSTER, "{}"));
        status(200, json(post("/api/v1/claims/" + large + "/deny"), ADJUSTER, REASON));
        status(409, json(post("/api/v1/claims/" + large + "/deny"), ADJUSTER, REASON));
        status(404, json(post(NOBODY + "/deny"), ADJUSTER, REASON));
        status(200, json(post("/api/v1/claims/" + large + "/appeal"), FACILITY, "{\"reason\":\"seal failure, not wear\"}"));
        status(409, json(post("/api/v1/claims/" + large + "/appeal"), FACILITY, "{\"reason\":\"again\"}"));
        status(404, json(post(NOBODY + "/appeal"), FACILITY, REASON));
        status(404, json(post("/api/v1/claims/" + large + "/appeal"), OTHER_FACILITY, REASON));
        status(200, api.perform(post("/api/v1/claims/" + large + "/authorize").header("Authorization", "Bearer " + ADJUSTER)));
        status(409, json(post("/api/v1/claims/" + large + "/authorize"), ADJUSTER, "{}"));
        status(404, json(post(NOBODY + "/authorize"), ADJUSTER, "{}"));

        // reads
        status(200, api.perform(get("/api/v1/claims/" + large).header("Authorization", "Bearer " + FACILITY)));
        status(404, api.perform(get("/api/v1/claims/" + large).header("Authorization", "Bearer " + OTHER_FACILITY)));
        commonErrors(get("/api/v1/claims/" + large), null);
        assertThat(api.followPages(() -> get("/api/v1/claims").param("limit", "1").header("Authorization", "Bearer " + FACILITY), 10)
                .count()).isGreaterThan(1);
        status(200, api.perform(get("/api/v1/claims").param("status", "ESTIMATE_SUBMITTED").param("needsAdjuster", "true")
                .header("Authorization", "Bearer " + ADJUSTER)));
        status(400, api.perform(get("/api/v1/claims").param("limit", "0").header("Authorization", "Bearer " + ADJUSTER)));
        status(400, api.perform(get("/api/v1/claims").param("cursor", "garbage!").header("Authorization", "Bearer " + ADJUSTER)));
        commonErrors(get("/api/v1/claims"), null);
        status(200, api.perform(get("/api/v1/claims/coverage").param("vin", contract.vin().value()).header("Authorization", "Bearer " + FACILITY)));
        status(200, api.perform(get("/api/v1/claims/coverage").param("contractNumber", number).header("Authorization", "Bearer " + FACILITY)));
        status(400, api.perform(get("/api/v1/claims/coverage").header("Authorization", "Bearer " + FACILITY)));
        status(404, api.perform(get("/api/v1/claims/coverage").param("contractNumber", "VSC00000000").header("Authorization", "Bearer " + FACILITY)));
        commonErrors(get("/api/v1/claims/coverage?contractNumber=" + number), null);
        status(200, api.perform(get("/api/v1/claims/register").param("from", today.minusDays(1).toString())
                .param("to", today.toString()).header("Authorization", "Bearer " + ADMIN)));
        status(400, api.perform(get("/api/v1/claims/register").param("from", today.toString())
                .param("to", today.minusDays(1).toString()).header("Authorization", "Bearer " + ADMIN)));
        commonErrors(get("/api/v1/claims/register?from=" + today + "&to=" + today), null);

        // what the platform answers on every POST, each on a claim of its own (a keyed request runs once)
        for (String action : new String[] {"estimate", "invoice", "appeal", "inspection", "authorize", "deny", "pay", "close"}) {
            String claim = status(201, json(post("/api/v1/claims"), FACILITY, Claims.open(number, today, 30_000))).get("claimId").asText();
            String body = switch (action) {
                case "estimate", "invoice" -> Claims.lines("10.00");
                case "appeal", "deny" -> REASON;
                default -> "{}";
            };
            commonErrors(post("/api/v1/claims/" + claim + "/" + action), body);
        }

        api.assertEveryOperationExercised();
        api.assertEveryDocumentedStatusExercised(500);
        System.out.println("OpenAPI traffic: " + api.validatedExchanges() + " exchanges validated; " + api.exercised().size()
                + " operations: " + api.exercised());
    }

    /** What the platform answers on every operation, and on POSTs about the body and Idempotency-Key. */
    private void commonErrors(MockHttpServletRequestBuilder request, String body) throws Exception {
        api.assertPlatformErrors(request, body, tokenFor(request));
    }

    /** A token the operation accepts, so the platform answer under test is the only one left. */
    private static String tokenFor(MockHttpServletRequestBuilder request) {
        String uri = request.buildRequest(new MockServletContext()).getRequestURI();
        if (uri.endsWith("/register")) {
            return ADMIN;
        }
        if (uri.endsWith("/inspection") || uri.endsWith("/authorize") || uri.endsWith("/deny") || uri.endsWith("/pay")
                || uri.endsWith("/close")) {
            return ADJUSTER;
        }
        return FACILITY;
    }

    private ResultActions json(MockHttpServletRequestBuilder request, String token, String body) {
        return api.perform(request.header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
