package com.fniexchange.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Documents what every API operation shares, in one place: the bearer JWT, the problem+json
 * error responses (with the problem type slugs), and the Idempotency-Key header on POSTs.
 */
public class PlatformOpenApi implements OpenApiCustomizer {

    private static final String PROBLEM = "Problem";
    private static final Map<String, String> ERRORS = new LinkedHashMap<>();

    static {
        ERRORS.put("400", "Invalid request: every bad field is listed under `errors` (type `validation` or `malformed-request`)");
        ERRORS.put("401", "Missing, expired or invalid bearer token (type `unauthorized`)");
        ERRORS.put("403", "The token's role does not allow this operation (type `forbidden`)");
        ERRORS.put("404", "Not found, or not visible to this dealer (type `not-found`)");
        ERRORS.put("409", "Conflicts with the current state: duplicate, invalid state transition, or an Idempotency-Key request still in progress");
        ERRORS.put("413", "Request body larger than the limit (type `payload-too-large`)");
        ERRORS.put("415", "Body is not application/json (type `unsupported-media-type`)");
        ERRORS.put("422", "A business rule refused the request, or an Idempotency-Key was reused with a different body");
        ERRORS.put("500", "Unexpected error; quote the correlationId (type `internal-error`)");
    }

    @Override
    public void customise(OpenAPI openApi) {
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        openApi.setComponents(components);
        components.addSchemas(PROBLEM, problemSchema());
        components.addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").bearerFormat("JWT")
                .description("JWT with `roles` (DEALER, PROVIDER_ADMIN, CLAIMS_ADJUSTER, OPS) and, for dealers, `dealer_code`"));
        openApi.addSecurityItem(new SecurityRequirement().addList("bearer"));
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            addErrors(operation);
            if (method == PathItem.HttpMethod.POST) {
                operation.addParametersItem(new HeaderParameter().name("Idempotency-Key").required(false)
                        .description("Retry-safe key (1-255 printable characters). The same key and body replay the first "
                                + "response; the same key with another body is refused with 422.")
                        .schema(new StringSchema().maxLength(255)));
            }
        }));
    }

    private static void addErrors(Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        ERRORS.forEach((code, description) -> {
            if (!responses.containsKey(code)) {
                responses.addApiResponse(code, new ApiResponse().description(description)
                        .content(new Content().addMediaType("application/problem+json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
            }
        });
    }

    private static Schema<?> problemSchema() {
        ObjectSchema error = new ObjectSchema();
        error.addProperty("field", new StringSchema().example("customer.state"));
        error.addProperty("message", new StringSchema().example("must be a two-letter US state code"));
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details");
        problem.addProperty("type", new StringSchema().format("uri").example("https://fniexchange.com/problems/validation"));
        problem.addProperty("title", new StringSchema().example("Request has invalid fields"));
        problem.addProperty("status", new IntegerSchema().example(400));
        problem.addProperty("detail", new StringSchema().example("customer.state: must be a two-letter US state code"));
        problem.addProperty("instance", new StringSchema().format("uri").example("/api/v1/contracts"));
        problem.addProperty("correlationId", new StringSchema().example("5f0c7d0e-8a5e-4f0e-9a57-2f4d3c1b0a99"));
        problem.addProperty("errors", new ArraySchema().items(error));
        return problem;
    }
}
