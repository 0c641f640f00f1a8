package com.fniexchange.testsupport;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.interaction.ApiOperationResolver;
import com.atlassian.oai.validator.mockmvc.MockMvcRequest;
import com.atlassian.oai.validator.mockmvc.MockMvcResponse;
import com.atlassian.oai.validator.model.ApiOperationMatch;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrint;
import org.springframework.boot.test.autoconfigure.web.servlet.SpringBootMockMvcBuilderCustomizer;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultActions;
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
 * type and body schema (undocumented fields included). Requests must match too, except when the
 * service refused them with a 4xx: an error-case test sends a bad request on purpose, and the
 * service refusing what the document forbids is exactly what the document promises.
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

    private final MockMvc mvc;
    private final String document;
    private final OpenAPI openApi;
    private final OpenApiInteractionValidator validator;
    private final ApiOperationResolver operations;
    private final Map<String, Set<Integer>> exercised = Collections.synchronizedMap(new TreeMap<>());
    private final java.util.concurrent.atomic.AtomicInteger exchanges = new java.util.concurrent.atomic.AtomicInteger();

    private OpenApiContract(MockMvc mvc, String document) {
        this.mvc = mvc;
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
        return of(builder.build());
    }

    /** The document served by {@link #DOCUMENT_PATH} through this MockMvc. */
    public static OpenApiContract of(MockMvc mvc) {
        try {
            MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders.get(DOCUMENT_PATH)).andReturn().getResponse();
            if (response.getStatus() != 200) {
                throw new AssertionError(DOCUMENT_PATH + " answered " + response.getStatus() + ": " + response.getContentAsString());
            }
            return new OpenApiContract(mvc, response.getContentAsString(StandardCharsets.UTF_8));
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
        String operation = operationOf(validated);
        List<String> violations = new ArrayList<>();
        ValidationReport report = validator.validate(validated, MockMvcResponse.of(answered));
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() != ValidationReport.Level.ERROR) {
                continue;
            }
            boolean refusedRequest = message.getKey().startsWith("validation.request") && status >= 400 && status < 500;
            if (!refusedRequest) {
                violations.add(message.getKey() + ": " + message.getMessage());
            }
        }
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

    private String operationOf(Request request) {
        ApiOperationMatch match = operations.findApiOperation(request.getPath(), request.getMethod());
        if (!match.isPathFound() || !match.isOperationAllowed()) {
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
