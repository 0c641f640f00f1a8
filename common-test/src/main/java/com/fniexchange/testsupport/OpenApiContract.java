package com.fniexchange.testsupport;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.interaction.ApiOperationResolver;
import com.atlassian.oai.validator.mockmvc.MockMvcRequest;
import com.atlassian.oai.validator.mockmvc.MockMvcResponse;
import com.atlassian.oai.validator.model.ApiOperationMatch;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrint;
import org.springframework.boot.test.autoconfigure.web.servlet.SpringBootMockMvcBuilderCustomizer;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.DefaultMockMvcBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The service's own OpenAPI document, enforced on real traffic: every request a test sends
 * through {@link #perform} and every response the service answers is validated against the
 * {@code /v3/api-docs} the service serves, the way a Prism proxy would, and the test fails on
 * the first violation.
 *
 * <p>Responses must always match the document: status documented for the operation, content
 * type and body schema (undocumented fields included). A problem+json answer's {@code type} must
 * be one the documented response names: when its description names problem types the platform's
 * way, {@code (type `slug`)} (every slug of the description in backticks), the answered type ends
 * with {@code /} and one of them.
 *
 * <p>Requests must match too, except when the service refused them with a status a malformed
 * request legitimately gets ({@link #REQUEST_REFUSALS}: an error-case test sends a bad request on
 * purpose, and the service refusing what the document forbids is what the document promises).
 * A deliberately bad request answered otherwise (say an {@code Idempotency-Key} reused with a
 * body the document would refuse, answered 422) goes through {@link #performInvalid}.
 *
 * <p>Use with the service's full application context (real database, real security filters):
 * <pre>{@code
 * @Autowired WebApplicationContext context;
 * OpenApiContract api = OpenApiContract.of(context);
 * api.perform(post("/api/v1/things").header("Authorization", "Bearer " + token)...);
 * ...
 * api.assertEveryOperationExercised();
 * }</pre>
 */
public final class OpenApiContract {

    /** Where springdoc serves the document. */
    public static final String DOCUMENT_PATH = "/v3/api-docs";
    /** The statuses under which {@link #perform} accepts a request that breaks the document. */
    public static final Set<Integer> REQUEST_REFUSALS = Set.of(400, 401, 403, 406, 413, 415);

    private static final Pattern NAMES_TYPE = Pattern.compile("type `");
    private static final Pattern QUOTED = Pattern.compile("`([^`]+)`");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockMvc mvc;
    private final DataSource database;
    private final String document;
    private final OpenAPI openApi;
    private final OpenApiInteractionValidator validator;
    private final ApiOperationResolver operations;
    private final Map<String, Set<Integer>> exercised = Collections.synchronizedMap(new TreeMap<>());
    private final java.util.concurrent.atomic.AtomicInteger exchanges = new java.util.concurrent.atomic.AtomicInteger();

    private OpenApiContract(MockMvc mvc, String document, DataSource database) {
        this.mvc = mvc;
        this.database = database;
        this.document = document;
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document, null, options);
        if (parsed.getOpenAPI() == null || parsed.getMessages() != null && !parsed.getMessages().isEmpty()) {
            throw new AssertionError("the service's OpenAPI document does not parse: " + parsed.getMessages());
        }
        this.openApi = parsed.getOpenAPI();
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(document).build();
        this.operations = new ApiOperationResolver(openApi, null, false);
    }

    /**
     * MockMvc over the whole application context, with the servlet filters registered in it (the
     * security chain, correlation ids, body limit, Idempotency-Key), and the document it serves.
     */
    public static OpenApiContract of(WebApplicationContext context) {
        DefaultMockMvcBuilder builder = MockMvcBuilders.webAppContextSetup(context);
        SpringBootMockMvcBuilderCustomizer filters = new SpringBootMockMvcBuilderCustomizer(context);
        filters.setPrint(MockMvcPrint.NONE); // violations print the exchange themselves
        filters.customize(builder);
        return of(builder.build(), context.getBeanProvider(DataSource.class).getIfAvailable());
    }

    /** The document served by {@link #DOCUMENT_PATH} through this MockMvc. */
    public static OpenApiContract of(MockMvc mvc) {
        return of(mvc, null);
    }

    private static OpenApiContract of(MockMvc mvc, DataSource database) {
        try {
            MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders.get(DOCUMENT_PATH)).andReturn().getResponse();
            if (response.getStatus() != 200) {
                throw new AssertionError(DOCUMENT_PATH + " answered " + response.getStatus() + ": " + response.getContentAsString());
            }
            return new OpenApiContract(mvc, response.getContentAsString(StandardCharsets.UTF_8), database);
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("cannot load " + DOCUMENT_PATH, e);
        }
    }

    /** The document as the service serves it (JSON). */
    public String document() {
        return document;
    }

    /**
     * Performs the request and validates it and its response against the document.
     *
     * @throws AssertionError listing every violation, with the exchange
     */
    public ResultActions perform(RequestBuilder request) {
        return perform(request, false);
    }

    /**
     * Performs a request that breaks the document on purpose, whatever the service answers: its
     * request violations are expected (at least one, or the call should be {@link #perform}); the
     * response is validated as always.
     *
     * @throws AssertionError listing every response violation, or when the request was valid
     */
    public ResultActions performInvalid(RequestBuilder request) {
        return perform(request, true);
    }

    private ResultActions perform(RequestBuilder request, boolean invalidOnPurpose) {
        ResultActions actions;
        try {
            actions = mvc.perform(request);
        } catch (Exception e) {
            throw new AssertionError("request failed before an answer", e);
        }
        MvcResult result = actions.andReturn();
        MockHttpServletRequest sent = result.getRequest();
        MockHttpServletResponse answered = result.getResponse();
        Request validated = MockMvcRequest.of(sent);
        int status = answered.getStatus();
        ApiOperationMatch found = operations.findApiOperation(validated.getPath(), validated.getMethod());
        ApiOperationMatch match = found.isPathFound() && found.isOperationAllowed() ? found : null;
        String operation = operationOf(match);
        List<String> violations = new ArrayList<>();
        int requestViolations = 0;
        ValidationReport report = validator.validate(validated, MockMvcResponse.of(answered));
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() != ValidationReport.Level.ERROR) {
                continue;
            }
            if (message.getKey().startsWith("validation.request")) {
                requestViolations++;
                if (invalidOnPurpose || REQUEST_REFUSALS.contains(status)) {
                    continue;
                }
            }
            violations.add(message.getKey() + ": " + message.getMessage());
        }
        if (invalidOnPurpose && requestViolations == 0) {
            violations.add("performInvalid: the request matches the document; send it with perform");
        }
        problemTypeViolation(match, status, answered).ifPresent(violations::add);
        if (!violations.isEmpty()) {
            throw new AssertionError(violations.size() + " OpenAPI violation(s) on " + sent.getMethod() + " "
                    + sent.getRequestURI() + (sent.getQueryString() == null ? "" : "?" + sent.getQueryString())
                    + " -> " + status + " (" + operation + "):\n  " + String.join("\n  ", violations)
                    + "\nresponse: " + body(answered));
        }
        exchanges.incrementAndGet();
        if (operation != null) {
            exercised.computeIfAbsent(operation, k -> new TreeSet<>()).add(status);
        }
        return actions;
    }

    /**
     * The answered problem type against the types the documented response's description names;
     * empty when it matches, or the answer is no problem, or the description names no type.
     */
    private static Optional<String> problemTypeViolation(ApiOperationMatch match, int status, MockHttpServletResponse answered) {
        if (match == null || status < 400 || answered.getContentType() == null
                || !answered.getContentType().startsWith("application/problem+json")) {
            return Optional.empty();
        }
        ApiResponse documented = match.getApiOperation().getOperation().getResponses().get(String.valueOf(status));
        String description = documented == null ? null : documented.getDescription();
        if (description == null || !NAMES_TYPE.matcher(description).find()) {
            return Optional.empty();
        }
        String type;
        try {
            JsonNode node = JSON.readTree(answered.getContentAsByteArray()).get("type");
            type = node == null ? null : node.asText();
        } catch (Exception e) {
            return Optional.of("problem body is not JSON: " + e.getMessage());
        }
        Set<String> named = new TreeSet<>();
        Matcher quoted = QUOTED.matcher(description);
        while (quoted.find()) {
            named.add(quoted.group(1));
        }
        if (type != null && named.stream().anyMatch(slug -> type.endsWith("/" + slug))) {
            return Optional.empty();
        }
        return Optional.of("problem.type: answered " + type + ", but the documented " + status + " names only " + named
                + " (\"" + description + "\")");
    }
    /**
     * What common-platform answers on every operation of every service, driven through
     * {@link #perform}: 401 without a token, 403 to a role the operation does not name, 406 to a
     * client that accepts only XML; on a POST 413 for a body over the limit, and when it takes a
     * body 415 for plain text, 400 for an over-long Idempotency-Key, 422 for a key reused with
     * another body and 409 for a key whose first request is still running. The token is one the
     * operation accepts, so the platform's answer is the only one left. Needs the context's
     * database ({@link #of(WebApplicationContext)}), to make a finished key look still running.
     */
    public void assertPlatformErrors(MockHttpServletRequestBuilder request, String body, String token) throws Exception {
        assertPlatformErrors(request, body, token, DevJwt.ops());
    }

    /**
     * {@link #assertPlatformErrors(MockHttpServletRequestBuilder, String, String)} for an operation
     * that ops may call: {@code refused} is a valid token of a role the operation does not name.
     */
    public void assertPlatformErrors(MockHttpServletRequestBuilder request, String body, String token, String refused) throws Exception {
        status(401, perform(copy(request, body)));
        status(403, perform(copy(request, body).header("Authorization", "Bearer " + refused)));
        status(406, perform(copy(request, body).header("Authorization", "Bearer " + token).accept(MediaType.APPLICATION_XML)));
        if (!"POST".equals(built(request).getMethod())) {
            return;
        }
        status(413, perform(copy(request, "{\"padding\":\"" + "x".repeat(300_000) + "\"}").header("Authorization", "Bearer " + token)));
        if (body == null) {
            return;
        }
        status(415, perform(copy(request, null).header("Authorization", "Bearer " + token)
                .contentType(MediaType.TEXT_PLAIN).content("hello")));
        status(400, perform(copy(request, body).header("Authorization", "Bearer " + token).header("Idempotency-Key", "k".repeat(300))));
        // a key reused with another body (one the document refuses: the key is checked first); then
        // a key whose first request is still running
        String key = UUID.randomUUID().toString();
        perform(copy(request, body).header("Authorization", "Bearer " + token).header("Idempotency-Key", key));
        status(422, performInvalid(copy(request, "{\"other\":true}").header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", key)));
        stillRunning(key);
        status(409, perform(copy(request, body).header("Authorization", "Bearer " + token).header("Idempotency-Key", key)));
    }

    private void stillRunning(String idempotencyKey) throws SQLException {
        if (database == null) {
            throw new IllegalStateException("assertPlatformErrors needs the context's DataSource: OpenApiContract.of(context)");
        }
        try (Connection connection = database.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE idempotency_key SET status = NULL WHERE idem_key = ?")) {
            update.setString(1, idempotencyKey);
            update.executeUpdate();
        }
    }

    /** The request again, same method, path and query, without its headers; with this JSON body unless null. */
    private static MockHttpServletRequestBuilder copy(MockHttpServletRequestBuilder request, String body) {
        MockHttpServletRequest built = built(request);
        String uri = built.getRequestURI() + (built.getQueryString() == null ? "" : "?" + built.getQueryString());
        MockHttpServletRequestBuilder copy = MockMvcRequestBuilders.request(HttpMethod.valueOf(built.getMethod()), uri);
        return body == null ? copy : copy.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static MockHttpServletRequest built(MockHttpServletRequestBuilder request) {
        return request.buildRequest(new MockServletContext());
    }

    /** A listing followed page by page: how many pages were read, and the last one's nextCursor (null on the last page). */
    public record Pages(int count, String nextCursor) {
    }

    /**
     * Follows a listing from its first page, each answered 200, passing each page's
     * {@code nextCursor} as {@code cursor} to the next, until a page has none or {@code most} pages
     * were read.
     */
    public Pages followPages(Supplier<MockHttpServletRequestBuilder> page, int most) throws Exception {
        String cursor = null;
        int pages = 0;
        do {
            MockHttpServletRequestBuilder next = page.get();
            if (cursor != null) {
                next.param("cursor", cursor);
            }
            JsonNode body = status(200, perform(next));
            cursor = body.get("nextCursor").isNull() ? null : body.get("nextCursor").asText();
            pages++;
        } while (cursor != null && pages < most);
        return new Pages(pages, cursor);
    }

    /**
     * Fails unless the answer has this status (the body in the message); its body as JSON, a null
     * node when empty.
     */
    public static JsonNode status(int expected, ResultActions answered) throws Exception {
        MockHttpServletResponse response = answered.andReturn().getResponse();
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        if (response.getStatus() != expected) {
            throw new AssertionError("expected status " + expected + " but was " + response.getStatus() + ": " + body);
        }
        return body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
    }

    /** An operation of a served document: its HTTP method (lower case, as in the document), id and JSON. */
    public record DescribedOperation(String method, String id, JsonNode operation) {
    }

    /**
     * Each operation of a served document (as JSON), after checking what every service documents
     * alike: a description, and the platform's 401, 403, 406 and 500 answers.
     */
    public static List<DescribedOperation> describedOperations(JsonNode document) {
        List<DescribedOperation> described = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            JsonNode operation = entry.getValue();
            String id = operation.get("operationId").asText();
            if (operation.path("description").asText().isBlank()) {
                throw new AssertionError(id + " has no description");
            }
            for (String code : List.of("401", "403", "406", "500")) {
                if (!operation.get("responses").has(code)) {
                    throw new AssertionError(id + " does not document " + code);
                }
            }
            described.add(new DescribedOperation(entry.getKey(), id, operation));
        }));
        return described;
    }

    /** Fails, naming them, when an operation of the document was never called through {@link #perform}. */
    public void assertEveryOperationExercised() {
        List<String> missing = documentedStatuses().keySet().stream().filter(op -> !exercised.containsKey(op)).toList();
        if (!missing.isEmpty()) {
            throw new AssertionError("operations never exercised: " + missing + "\nexercised: " + exercised);
        }
    }

    /**
     * Fails when a status the document lists for an operation was never answered by it in this
     * test, except the given ones (e.g. {@code 500}, which a healthy service cannot be driven to):
     * every documented answer was seen for real.
     */
    public void assertEveryDocumentedStatusExercised(int... except) {
        Set<Integer> skipped = java.util.Arrays.stream(except).boxed().collect(Collectors.toSet());
        List<String> missing = new ArrayList<>();
        documentedStatuses().forEach((op, statuses) -> statuses.stream()
                .filter(s -> !skipped.contains(s) && !exercised.getOrDefault(op, Set.of()).contains(s))
                .forEach(s -> missing.add(op + " " + s)));
        if (!missing.isEmpty()) {
            throw new AssertionError("documented but never answered: " + missing + "\nexercised: " + exercised);
        }
    }

    /** How many exchanges were validated so far. */
    public int validatedExchanges() {
        return exchanges.get();
    }

    /** Operation id to the statuses it answered so far. */
    public Map<String, Set<Integer>> exercised() {
        synchronized (exercised) {
            return new TreeMap<>(exercised);
        }
    }

    /** Operation id to the statuses the document lists for it. */
    public Map<String, Set<Integer>> documentedStatuses() {
        Map<String, Set<Integer>> documented = new TreeMap<>();
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) ->
                documented.put(idOf(op, method + " " + path), op.getResponses().keySet().stream()
                        .filter(code -> code.matches("\\d{3}")).map(Integer::valueOf)
                        .collect(Collectors.toCollection(TreeSet::new)))));
        return documented;
    }

    private static String operationOf(ApiOperationMatch match) {
        if (match == null) {
            return null;
        }
        return idOf(match.getApiOperation().getOperation(),
                match.getApiOperation().getMethod() + " " + match.getApiOperation().getApiPath().original());
    }

    private static String idOf(Operation operation, String fallback) {
        return operation.getOperationId() != null ? operation.getOperationId() : fallback;
    }

    private static String body(MockHttpServletResponse response) {
        try {
            return response.getContentAsString(StandardCharsets.UTF_8);
        } catch (Exception e) {
            return "(unreadable: " + e + ")";
        }
    }
}
