package com.fniexchange.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fniexchange.testsupport.DevJwt;
import com.fniexchange.testsupport.OpenApiContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What partner engineers and operators read: the OpenAPI document and the actuator. */
@ContractServiceTest
class ApiDocumentationTest extends DealerPortalTest {


    ApiDocumentationTest() {
        super("D1001");
    }

    @Test
    void openApiDocumentsEveryOperationWithOnlyTheProblemResponsesItCanAnswer() {
        Api.Response doc = api.get("/v3/api-docs", null);
        assertThat(doc.status()).isEqualTo(200);
        JsonNode openApi = doc.json();
        List<String> operationIds = new ArrayList<>();
        for (OpenApiContract.DescribedOperation described : OpenApiContract.describedOperations(openApi)) {
            JsonNode operation = described.operation();
            String id = described.id();
            operationIds.add(id);
            operation.path("parameters").forEach(p -> assertThat(p.get("name").asText()).as("%s parameters", id).isNotEqualTo("caller"));
            JsonNode responses = operation.get("responses");
            for (String code : List.of("401", "403", "406", "500")) {
                assertThat(responses.has(code)).as("%s documents %s", id, code).isTrue();
                assertThat(responses.get(code).get("content").has("application/problem+json")).isTrue();
            }
            boolean post = described.method().equals("post");
            assertThat(responses.has("413")).as("%s documents 413 exactly when it is a POST", id).isEqualTo(post);
            assertThat(responses.has("415")).as("%s documents 415 exactly when it takes a body", id)
                    .isEqualTo(operation.has("requestBody"));
        }
        assertThat(present(openApi, "/paths/~1api~1v1~1contracts~1{contractNumber}/get/responses").has("404")).isTrue();
        assertThat(present(openApi, "/paths/~1api~1v1~1contracts~1{contractNumber}/get/responses").has("409")).isFalse();
        assertThat(present(openApi, "/components/schemas/Problem/properties/instance/format").asText()).isEqualTo("uri-reference");
        assertThat(present(openApi, "/components/schemas/Problem/properties/correlationId/type").asText()).isEqualTo("string");
        assertThat(present(openApi, "/info/contact/email").asText()).isNotBlank();
        assertThat(operationIds).contains("createRateQuote", "submitContract", "getContract", "listContracts",
                "approveContract", "rejectContract", "voidContract", "createRemittance", "getRemittance");
        // JsonNode.at never answers null: a wrong path gives a missing node, so check presence, then content
        JsonNode errors = present(openApi, "/components/schemas/Problem/properties/errors");
        assertThat(errors.get("type").asText()).isEqualTo("array");
        assertThat(present(errors, "/items/properties/field/type").asText()).isEqualTo("string");
        assertThat(present(errors, "/items/properties/message/type").asText()).isEqualTo("string");
        assertThat(present(openApi, "/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(present(openApi, "/components/schemas/RateRequest/properties/vin/example").asText()).isEqualTo("1HGCM82633A004352");
        // value types are documented as the strings they are on the wire
        assertThat(present(openApi, "/components/schemas/Contract/properties/contractNumber/type").asText()).isEqualTo("string");
        assertThat(present(openApi, "/components/schemas/Contract/properties/vin/example").asText()).isEqualTo("1HGCM82633A004352");
        // response fields the service always writes are required, so clients need not treat them as optional
        assertThat(required(openApi, "Contract")).contains("contractNumber", "status", "history").doesNotContain("lienholder", "remittance");
        assertThat(required(openApi, "StatusChange")).contains("to", "at").doesNotContain("from", "reason");
        assertThat(required(openApi, "ContractPage")).contains("items").doesNotContain("nextCursor");
        assertThat(required(openApi, "Problem")).containsExactlyInAnyOrder("type", "title", "status", "detail");
        // request schemas keep what bean validation requires
        assertThat(required(openApi, "SubmittedCustomer")).containsExactlyInAnyOrder("firstName", "lastName");
        JsonNode submitParameters = present(openApi, "/paths/~1api~1v1~1contracts/post/parameters");
        List<String> parameterNames = new ArrayList<>();
        submitParameters.forEach(p -> parameterNames.add(p.get("name").asText()));
        assertThat(parameterNames).contains("Idempotency-Key");
    }

    private static List<String> required(JsonNode openApi, String schema) {
        List<String> names = new ArrayList<>();
        openApi.at("/components/schemas/" + schema + "/required").forEach(name -> names.add(name.asText()));
        return names;
    }

    private static JsonNode present(JsonNode document, String pointer) {
        JsonNode node = document.at(pointer);
        assertThat(node.isMissingNode()).as("%s is in the document", pointer).isFalse();
        return node;
    }

    @Test
    void healthIsOpenAndTheRestOfTheActuatorIsForOps() {
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
        assertThat(api.get("/actuator/prometheus", null).status()).isEqualTo(401);
        assertThat(api.get("/actuator/prometheus", dealer).status()).isEqualTo(403);
        Api.Response scrape = api.get("/actuator/prometheus", DevJwt.ops());
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body()).contains("fni_outbox_pending{", "fni_outbox_oldest_age_seconds{",
                "fni_outbox_publish_latency_seconds", "application=\"contract-service\"");
    }
}
