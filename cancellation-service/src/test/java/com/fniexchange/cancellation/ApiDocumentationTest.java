package com.fniexchange.cancellation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fniexchange.testsupport.DevJwt;
import com.fniexchange.testsupport.EndpointRoles;
import com.fniexchange.testsupport.OpenApiContract;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * What partner engineers and operators read: every operation documented with its problems, every
 * endpoint naming its roles, and the actuator for OPS. That {@code docs/openapi/cancellation-service.json}
 * is what the code serves is {@link OpenApiDocumentTest}'s.
 */
@CancellationServiceTest
class ApiDocumentationTest {

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyOperationIsDocumentedWithItsProblems() {
        JsonNode openApi = new Api(port).get("/v3/api-docs", null).json();
        assertThat(OpenApiContract.describedOperations(openApi)).extracting(OpenApiContract.DescribedOperation::id).containsExactlyInAnyOrder("quoteCancellation", "getCancellationQuote", "requestCancellation",
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
