package com.fniexchange.contract.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fniexchange.contract.Api;
import com.fniexchange.contract.ContractServiceTest;
import com.fniexchange.contract.DealerPortalTest;
import com.fniexchange.testsupport.DevJwt;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/** {@code /actuator/outbox} on the wire: OPS only, and every refusal an RFC 9457 problem naming what is wrong. */
@ContractServiceTest
class OutboxEndpointTest extends DealerPortalTest {


    OutboxEndpointTest() {
        super("D8008");
    }

    @Test
    void opsListsTheParkedChains() {
        Api.Response r = api.get("/actuator/outbox", DevJwt.ops());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("count").asInt()).isZero();
        assertThat(r.json().get("chains").isArray()).isTrue();
        assertThat(r.json().get("chains")).isEmpty();
    }

    @Test
    void dealersAndProviderAdminsAreForbidden() {
        for (String token : new String[] {dealer, DevJwt.providerAdmin()}) {
            for (Api.Response r : new Api.Response[] {api.get("/actuator/outbox", token),
                    api.post("/actuator/outbox/VSC3A004352/retry", token, "{}"),
                    api.post("/actuator/outbox/VSC3A004352/skip", token, "{\"reason\":\"mine\"}")}) {
                assertProblem(r, 403, "/forbidden");
            }
        }
    }

    @Test
    void aSkipWithoutReasonIsRefusedNamingTheReason() {
        for (String body : new String[] {"{}", "{\"reason\":\"  \"}"}) {
            Api.Response r = api.post("/actuator/outbox/VSC3A004352/skip", DevJwt.ops(), body);
            assertProblem(r, 400, "/validation");
            assertThat(r.json().get("errors").get(0).get("field").asText()).as(body).isEqualTo("reason");
        }
        Api.Response emptyBody = api.post("/actuator/outbox/VSC3A004352/skip", DevJwt.ops(), "");
        assertProblem(emptyBody, 400, "/validation");
        assertThat(emptyBody.json().get("errors").get(0).get("field").asText()).isEqualTo("reason");
    }

    @Test
    void aSkipOrRetryOfAChainThatIsNotParkedIsNotFound() {
        assertProblem(api.post("/actuator/outbox/VSC3A004352/skip", DevJwt.ops(), "{\"reason\":\"partner cannot take it\"}"),
                404, "/not-found");
        assertProblem(api.post("/actuator/outbox/VSC3A004352/retry", DevJwt.ops(), "{}"), 404, "/not-found");
        assertProblem(api.post("/actuator/outbox/VSC3A004352/retry", DevJwt.ops(), ""), 404, "/not-found");
    }

    @Test
    void aWriteWithoutJsonContentTypeIsUnsupportedMediaType() {
        // the actuator's write operations consume JSON only, even when the body may be empty
        Api.Response r = api.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/outbox/VSC3A004352/retry"))
                .POST(HttpRequest.BodyPublishers.noBody()), DevJwt.ops());
        assertProblem(r, 415, "/unsupported-media-type");
    }

    @Test
    void anUnknownActionIsRefusedNamingTheAction() {
        Api.Response r = api.post("/actuator/outbox/VSC3A004352/publish", DevJwt.ops(), "{}");
        assertProblem(r, 400, "/validation");
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("action");
    }

    private static void assertProblem(Api.Response r, int status, String typeEnding) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).as(r.body()).startsWith("application/problem+json");
        assertThat(r.json().get("type").asText()).as(r.body()).endsWith(typeEnding);
        assertThat(r.json().get("status").asInt()).isEqualTo(status);
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
