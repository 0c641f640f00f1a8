package com.fniexchange.cancellation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fniexchange.testsupport.DevJwt;
import com.fniexchange.testsupport.EndpointRoles;
import com.fniexchange.testsupport.OpenApiContract;
import com.fniexchange.testsupport.OpenApiDocumentFile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * What partner engineers and operators read: {@code docs/openapi/cancellation-service.json} is what
 * the code serves (rewrite it with {@code -Dfni.openapi.write=true}), every endpoint names its
 * roles, and the actuator is for OPS.
 */
@CancellationServiceTest
class ApiDocumentationTest {

    @LocalServerPort
    int port;
    @Autowired
    WebApplicationContext context;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void committedDocumentIsTheOneTheCodeServes() {
        String document = OpenApiContract.of(context).document();
        assertThat(document).contains("\"openapi\"");
        OpenApiDocumentFile.assertUpToDate("cancellation-service", document);
    }

    @Test
    void everyOperationIsDocumentedWithItsProblems() {
        JsonNode openApi = new Api(port).get("/v3/api-docs", null).json();
        List<String> operationIds = new ArrayList<>();
        openApi.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            JsonNode operation = entry.getValue();
            String id = operation.get("operationId").asText();
            operationIds.add(id);
            assertThat(operation.path("description").asText()).as("%s has a description", id).isNotBlank();
            for (String code : List.of("401", "403", "406", "500")) {
                assertThat(operation.get("responses").has(code)).as("%s documents %s", id, code).isTrue();
            }
        }));
        assertThat(operationIds).containsExactlyInAnyOrder("quoteCancellation", "getCancellationQuote", "requestCancellation",
                "approveCancellation", "recordRefundPaid", "getCancellation", "listCancellations");
        assertThat(openApi.at("/components/schemas/RefundQuote/properties/refund/type").asText()).isEqualTo("number");
        assertThat(openApi.at("/components/schemas/Problem/properties/openCancellationId/format").asText()).isEqualTo("uuid");
    }

    @Test
    void everyEndpointNamesItsRoles() {
        EndpointRoles.assertEveryEndpointNamesItsRoles(mappings, "com.fniexchange.cancellation");
    }

    @Test
    void healthIsOpenAndTheRestOfTheActuatorIsForOps() {
        Api api = new Api(port);
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
        assertThat(api.get("/actuator/prometheus", DevJwt.dealer("D1001")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/cancellations", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/cancellations", DevJwt.mint("nobody", List.of("SOMETHING"), null, java.time.Duration.ofMinutes(5)))
                .status()).isEqualTo(403);
        String scrape = api.get("/actuator/prometheus", DevJwt.ops()).body();
        assertThat(scrape).contains("fni_refunds_overdue{", "fni_refunds_due_soon{", "fni_outbox_pending{",
                "application=\"cancellation-service\"");
    }
}
