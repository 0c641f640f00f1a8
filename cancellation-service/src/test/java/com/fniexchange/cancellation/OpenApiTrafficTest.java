package com.fniexchange.cancellation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.DealerCode;
import com.fniexchange.model.event.contract.ContractVoided;
import com.fniexchange.testsupport.DevJwt;
import com.fniexchange.testsupport.OpenApiContract;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;

/**
 * The OpenAPI document matches real traffic: every operation's flows and every error it documents
 * are driven through the whole service, and every request and response is validated against the
 * service's own {@code /v3/api-docs}.
 */
@CancellationServiceTest
class OpenApiTrafficTest {

    static final String DEALER = DevJwt.dealer("D5005");
    static final String ADMIN = DevJwt.providerAdmin();
    static final LocalDate TODAY = Api.today();

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    OpenApiContract api;

    @Test
    void everyOperationAndEveryDocumentedErrorMatchesTheDocument() throws Exception {
        api = OpenApiContract.of(context);
        String txContract = contract("TX", 100);

        // quotes
        JsonNode quote = status(201, json(post("/api/v1/cancellations/quotes"), DEALER, quoteBody(txContract, 30_000, "CUSTOMER_REQUEST")));
        status(201, json(post("/api/v1/cancellations/quotes"), DEALER, gapQuoteBody()));
        status(404, json(post("/api/v1/cancellations/quotes"), DevJwt.dealer("D5006"), quoteBody(txContract, 30_000, "CUSTOMER_REQUEST")));
        status(400, json(post("/api/v1/cancellations/quotes"), DEALER, "{\"contractNumber\":\"x\",\"odometer\":-1}"));
        String voided = contract("TX", 10);
        Streams.publish("contract-events", new ContractVoided(ContractNumber.of(voided), DealerCode.of("D5005"), "unwound", "dealer:D5005",
                Instant.now()), "contract-service");
        awaitStatus(voided, "VOIDED");
        status(422, json(post("/api/v1/cancellations/quotes"), DEALER, quoteBody(voided, 25_000, "UNWIND")));
        commonErrors(post("/api/v1/cancellations/quotes"), quoteBody(txContract, 30_000, "CUSTOMER_REQUEST"));

        String quoteId = quote.get("quoteId").asText();
        status(200, api.perform(get("/api/v1/cancellations/quotes/" + quoteId).header("Authorization", "Bearer " + DEALER)));
        status(404, api.perform(get("/api/v1/cancellations/quotes/" + quoteId).header("Authorization", "Bearer " + DevJwt.dealer("D5006"))));
        status(400, api.perform(get("/api/v1/cancellations/quotes/not-a-uuid").header("Authorization", "Bearer " + DEALER)));
        commonErrors(get("/api/v1/cancellations/quotes/" + quoteId), null);

        // request
        JsonNode requested = status(201, json(post("/api/v1/cancellations"), DEALER, requestBody(quoteId, "CUSTOMER_REQUEST")));
        String id = requested.get("cancellationId").asText();
        String second = quoteFor(txContract);
        status(409, json(post("/api/v1/cancellations"), DEALER, requestBody(second, "CUSTOMER_REQUEST")));
        status(404, json(post("/api/v1/cancellations"), DEALER, requestBody(UUID.randomUUID().toString(), "CUSTOMER_REQUEST")));
        String other = contract("CA", 200);
        status(422, json(post("/api/v1/cancellations"), DEALER, requestBody(quoteFor(other), "TOTAL_LOSS")));
        status(400, json(post("/api/v1/cancellations"), DEALER, "{\"quoteId\":\"nope\"}"));
        commonErrors(post("/api/v1/cancellations"), requestBody(quoteFor(contract("NV", 50)), "CUSTOMER_REQUEST"));

        // approve: a cancellation whose contract was voided meanwhile is refused
        String stale = contract("TX", 90);
        String staleId = status(201, json(post("/api/v1/cancellations"), DEALER, requestBody(quoteFor(stale), "CUSTOMER_REQUEST")))
                .get("cancellationId").asText();
        Streams.publish("contract-events", new ContractVoided(ContractNumber.of(stale), DealerCode.of("D5005"), "unwound", "admin",
                Instant.now()), "contract-service");
        awaitStatus(stale, "VOIDED");
        status(422, api.perform(post("/api/v1/cancellations/" + staleId + "/approve").header("Authorization", "Bearer " + ADMIN)));
        status(200, api.perform(post("/api/v1/cancellations/" + id + "/approve").header("Authorization", "Bearer " + ADMIN)));
        status(409, api.perform(post("/api/v1/cancellations/" + id + "/approve").header("Authorization", "Bearer " + ADMIN)));
        status(404, api.perform(post("/api/v1/cancellations/" + UUID.randomUUID() + "/approve").header("Authorization", "Bearer " + ADMIN)));
        commonErrors(post("/api/v1/cancellations/" + requestedCancellation() + "/approve"), null);
        String approveA = requestedCancellation();
        String key = UUID.randomUUID().toString();
        status(200, api.perform(post("/api/v1/cancellations/" + approveA + "/approve").header("Authorization", "Bearer " + ADMIN)
                .header("Idempotency-Key", key)));
        // the same key on another path: reused
        status(422, api.perform(post("/api/v1/cancellations/" + requestedCancellation() + "/approve").header("Authorization", "Bearer " + ADMIN)
                .header("Idempotency-Key", key)));
        status(400, api.perform(post("/api/v1/cancellations/" + approveA + "/approve").header("Authorization", "Bearer " + ADMIN)
                .header("Idempotency-Key", "k".repeat(300))));
        jdbc.sql("UPDATE idempotency_key SET status = NULL WHERE idem_key = :k").param("k", key).update();
        status(409, api.perform(post("/api/v1/cancellations/" + approveA + "/approve").header("Authorization", "Bearer " + ADMIN)
                .header("Idempotency-Key", key)));

        // refund paid
        String payment = "{\"method\":\"ACH\",\"reference\":\"ACH-0042-7781\",\"paidDate\":\"" + TODAY + "\"}";
        JsonNode paid = status(200, json(post("/api/v1/cancellations/" + id + "/refund-paid"), ADMIN, payment));
        assertThat(paid.get("payment").get("paidLate").asBoolean()).isFalse();
        status(409, json(post("/api/v1/cancellations/" + id + "/refund-paid"), ADMIN, payment));
        status(404, json(post("/api/v1/cancellations/" + UUID.randomUUID() + "/refund-paid"), ADMIN, payment));
        status(400, json(post("/api/v1/cancellations/" + id + "/refund-paid"), ADMIN, "{\"method\":\"CASH\"}"));
        commonErrors(post("/api/v1/cancellations/" + approvedCancellation() + "/refund-paid"), payment);

        // lookup and list
        status(200, api.perform(get("/api/v1/cancellations/" + id).header("Authorization", "Bearer " + DEALER)));
        status(404, api.perform(get("/api/v1/cancellations/" + id).header("Authorization", "Bearer " + DevJwt.dealer("D5006"))));
        status(400, api.perform(get("/api/v1/cancellations/not-a-uuid").header("Authorization", "Bearer " + DEALER)));
        commonErrors(get("/api/v1/cancellations/" + id), null);
        OpenApiContract.Pages pages = api.followPages(
                () -> get("/api/v1/cancellations").param("limit", "1").header("Authorization", "Bearer " + DEALER), 20);
        assertThat(pages.count()).isGreaterThan(1);
        assertThat(pages.nextCursor()).isNull();
        status(200, api.perform(get("/api/v1/cancellations").param("status", "REFUND_PAID").param("dealerCode", "D5005")
                .param("contractNumber", txContract).header("Authorization", "Bearer " + ADMIN)));
        status(400, api.perform(get("/api/v1/cancellations").param("limit", "0").header("Authorization", "Bearer " + DEALER)));
        commonErrors(get("/api/v1/cancellations"), null);

        api.assertEveryOperationExercised();
        api.assertEveryDocumentedStatusExercised(500);
        System.out.println("OpenAPI traffic: " + api.validatedExchanges() + " exchanges validated: " + api.exercised());
    }

    // --- fixtures ---------------------------------------------------------------------------------

    String contract(String state, int daysAgo) {
        String number = Streams.activate(Streams.Sale.vsc(state, TODAY.minusDays(daysAgo)).dealer("D5005"));
        awaitStatus(number, "ACTIVE");
        return number;
    }

    void awaitStatus(String number, String status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT status FROM contract_projection WHERE contract_number = :n")
                .param("n", number).query(String.class).optional().filter(status::equals).isPresent());
    }

    static String quoteBody(String number, int odometer, String reason) {
        return "{\"contractNumber\":\"" + number + "\",\"cancelDate\":\"" + TODAY + "\",\"odometer\":" + odometer + ",\"reason\":\"" + reason + "\"}";
    }

    String gapQuoteBody() {
        String gap = Streams.activate(new Streams.Sale("SC", com.fniexchange.model.ProductCode.GAP, "GAP-72", TODAY.minusDays(400), 72, null,
                10, "250.00", "695.00", false, "D5005"));
        awaitStatus(gap, "ACTIVE");
        return "{\"contractNumber\":\"" + gap + "\",\"cancelDate\":\"" + TODAY + "\",\"reason\":\"EARLY_PAYOFF\"}";
    }

    static String requestBody(String quoteId, String reason) {
        return "{\"quoteId\":\"" + quoteId + "\",\"reason\":\"" + reason + "\"}";
    }

    String quoteFor(String number) throws Exception {
        return status(201, json(post("/api/v1/cancellations/quotes"), DEALER, quoteBody(number, 30_000, "CUSTOMER_REQUEST")))
                .get("quoteId").asText();
    }

    String requestedCancellation() throws Exception {
        return status(201, json(post("/api/v1/cancellations"), DEALER, requestBody(quoteFor(contract("TX", 60)), "CUSTOMER_REQUEST")))
                .get("cancellationId").asText();
    }

    String approvedCancellation() throws Exception {
        String id = requestedCancellation();
        status(200, api.perform(post("/api/v1/cancellations/" + id + "/approve").header("Authorization", "Bearer " + ADMIN)));
        return id;
    }

    MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String token, String body) {
        return request.header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON).content(body);
    }


    JsonNode status(int expected, MockHttpServletRequestBuilder request) throws Exception {
        return status(expected, api.perform(request));
    }

    static JsonNode status(int expected, ResultActions result) throws Exception {
        return OpenApiContract.status(expected, result);
    }

    /** What the platform answers on every operation, and on POSTs about the body and Idempotency-Key. */
    void commonErrors(MockHttpServletRequestBuilder request, String body) throws Exception {
        String uri = request.buildRequest(new MockServletContext()).getRequestURI();
        api.assertPlatformErrors(request, body, uri.endsWith("/approve") || uri.endsWith("/refund-paid") ? ADMIN : DEALER);
    }
}
