package com.fniexchange.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
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
import io.swagger.v3.oas.models.servers.Server;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Documents what every API operation shares, in one place, and only where it applies:
 * <ul>
 *   <li>the bearer JWT, and on every protected operation 401, 403, 406 and 500;</li>
 *   <li>on every POST the {@code Idempotency-Key} header and what it can answer (400 for a bad
 *       key, 409 while the first request runs, 422 when the key is reused with another body),
 *       and 413; on an operation with a request body 415 as well;</li>
 *   <li>every error response as {@code application/problem+json} with the {@code Problem} schema
 *       (its extension members included, {@link ProblemMember}s of the service too).</li>
 * </ul>
 * Statuses that only some operations answer (400 for bad parameters, 404, 409, 422) are declared
 * by the operation itself with {@code @ApiResponse(responseCode = "404", description = "...")};
 * their content is filled in here. A description names the problem types the status answers with
 * their slugs in backticks, {@code (type `not-found`)}; the contract test holds every answer to
 * them. The {@link Caller} argument is resolved from the token, so it
 * is hidden from the document.
 */
class PlatformOpenApi implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "400", "Invalid request: every bad field is listed under `errors` (type `" + ProblemTypes.VALIDATION
                    + "` or `" + ProblemTypes.MALFORMED_REQUEST + "`)",
            "401", "Missing, expired or invalid bearer token" + type(ProblemTypes.UNAUTHORIZED),
            "403", "The token's role does not allow this operation" + type(ProblemTypes.FORBIDDEN),
            "404", "Not found, or not visible to this caller" + type(ProblemTypes.NOT_FOUND),
            "406", "The Accept header excludes application/json" + type(ProblemTypes.NOT_ACCEPTABLE),
            "409", "Conflicts with the current state",
            "413", "Request body larger than the limit; `maxBytes` says how large it may be" + type(ProblemTypes.PAYLOAD_TOO_LARGE),
            "415", "Body is not application/json" + type(ProblemTypes.UNSUPPORTED_MEDIA_TYPE),
            "422", "A business rule refused the request",
            "500", "Unexpected error; quote the correlationId" + type(ProblemTypes.INTERNAL));
    private static final String IDEMPOTENCY_400 = "an `Idempotency-Key` that is not 1-255 printable characters";
    private static final String IDEMPOTENCY_409 = "the first request with this `Idempotency-Key` is still running"
            + type(ProblemTypes.IDEMPOTENCY_REQUEST_IN_PROGRESS);
    private static final String IDEMPOTENCY_422 = "this `Idempotency-Key` was used with another body"
            + type(ProblemTypes.IDEMPOTENCY_KEY_REUSED);

    private final List<ProblemMember> members;

    public PlatformOpenApi(List<ProblemMember> members) {
        this.members = List.copyOf(members);
    }

    /** The document's base: info from {@code fni.openapi.*}, a host-independent server, the bearer scheme. */
    public static OpenAPI base(ApiProperties properties, String applicationName) {
        return new OpenAPI()
                .info(new Info()
                        .title(properties.title() != null ? properties.title() : applicationName)
                        .description(properties.description())
                        .version(properties.version())
                        .contact(new Contact().name(properties.contactName()).email(properties.contactEmail())))
                .servers(List.of(new Server().url(properties.serverUrl()).description("this service")))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("JWT with `roles` (DEALER, PROVIDER_ADMIN, CLAIMS_ADJUSTER, OPS) and, for dealers, `dealer_code`")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    @Override
    public void customise(OpenAPI openApi) {
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        openApi.setComponents(components);
        components.addSchemas(PROBLEM, problemSchema());
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                document(openApi, method, operation)));
    }

    private void document(OpenAPI openApi, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        boolean isProtected = operation.getSecurity() == null ? openApi.getSecurity() != null && !openApi.getSecurity().isEmpty()
                : !operation.getSecurity().isEmpty();
        if (isProtected) {
            add(responses, "401", null);
            add(responses, "403", null);
        }
        add(responses, "406", null);
        add(responses, "500", null);
        if (method == PathItem.HttpMethod.POST) {
            operation.addParametersItem(new HeaderParameter().name("Idempotency-Key").required(false)
                    .description("Retry-safe key (1-255 printable characters). The same key and body replay the first "
                            + "response; the same key with another body is refused with 422.")
                    .schema(new StringSchema().minLength(1).maxLength(255)));
            add(responses, "400", IDEMPOTENCY_400);
            add(responses, "409", IDEMPOTENCY_409);
            add(responses, "422", IDEMPOTENCY_422);
            add(responses, "413", null);
        }
        if (operation.getRequestBody() != null) {
            add(responses, "400", null);
            add(responses, "415", null);
        }
        responses.forEach((code, response) -> {
            if (code.matches("[45]\\d\\d")) {
                if (response.getDescription() == null || response.getDescription().isBlank()) {
                    response.setDescription(DESCRIPTIONS.getOrDefault(code, "Error"));
                }
                response.setContent(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
            }
        });
        // documented in status order, whatever order they were declared in
        ApiResponses ordered = new ApiResponses();
        new TreeMap<>(responses).forEach(ordered::addApiResponse);
        ordered.setExtensions(responses.getExtensions());
        operation.setResponses(ordered);
    }

    /**
     * How a description names the problem type a status answers: {@code (type `slug`)}. The
     * contract test (common-test {@code OpenApiContract}) checks real answers against it.
     */
    private static String type(String slug) {
        return " (type `" + slug + "`)";
    }

    /** Adds the status, or names one more reason on the one the operation declared. */
    private static void add(ApiResponses responses, String code, String reason) {
        ApiResponse existing = responses.get(code);
        if (existing == null) {
            String description = DESCRIPTIONS.get(code);
            responses.addApiResponse(code, new ApiResponse().description(reason == null ? description : description + ": " + reason));
        } else if (reason != null && existing.getDescription() != null && !existing.getDescription().contains(reason)) {
            existing.setDescription(existing.getDescription() + "; or " + reason);
        }
    }

    private Schema<?> problemSchema() {
        ObjectSchema error = new ObjectSchema();
        error.description("One refused field");
        error.addProperty("field", new StringSchema().description("JSON path of the field, or the parameter or header name")
                .example("customer.state"));
        error.addProperty("message", new StringSchema().description("Why it was refused").example("must be a two-letter US state code"));
        error.setRequired(List.of("field", "message"));
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details, with the platform's extension members");
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().format("uri").description("Stable problem type: `https://fniexchange.com/problems/<slug>`")
                .example("https://fniexchange.com/problems/validation"));
        properties.put("title", new StringSchema().description("Short summary of the problem type").example("Request has invalid fields"));
        properties.put("status", new IntegerSchema().description("The HTTP status").example(400));
        properties.put("detail", new StringSchema().description("What went wrong with this request")
                .example("customer.state: must be a two-letter US state code"));
        properties.put("instance", new StringSchema().format("uri-reference").description("The request path")
                .example("/api/v1/contracts"));
        properties.put("correlationId", new StringSchema().description("Also the `X-Correlation-Id` response header; quote it to support")
                .example("5f0c7d0e-8a5e-4f0e-9a57-2f4d3c1b0a99"));
        properties.put("errors", new ArraySchema().items(error)
                .description("Every refused field (types `validation` and the business refusals that name fields)"));
        properties.put("currentStatus", new StringSchema().description("The resource's status (type `invalid-state-transition`)")
                .example("ACTIVE"));
        properties.put("action", new StringSchema().description("The refused action (type `invalid-state-transition`)")
                .example("approve"));
        properties.put("maxBytes", new IntegerSchema().format("int64").description("The largest body accepted (type `payload-too-large`)")
                .example(262144));
        members.forEach(member -> {
            Schema<Object> schema = new Schema<>();
            schema.type(member.type()).format(member.format()).description(member.description()).example(member.example());
            properties.put(member.name(), schema);
        });
        problem.setProperties(properties);
        // what every answer carries; instance and correlationId are missing from Tomcat's own refusals
        // (ProblemErrorReportValve, before any filter runs), the other members depend on the type
        problem.setRequired(new ArrayList<>(List.of("type", "title", "status", "detail")));
        return problem;
    }
}
