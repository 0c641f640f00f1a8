package com.fniexchange.platform.outbox;

import com.fniexchange.platform.web.ProblemTypes;
import com.fniexchange.platform.Correlation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.lang.Nullable;
import org.springframework.util.MimeType;

/**
 * {@code /actuator/outbox} (OPS only, like the rest of the actuator):
 * <ul>
 *   <li>{@code GET /actuator/outbox}: the parked chains;</li>
 *   <li>{@code POST /actuator/outbox/{aggregateId}/retry}: try the chain again now;</li>
 *   <li>{@code POST /actuator/outbox/{aggregateId}/skip} with {@code {"reason": "..."}}: skip its
 *       head event (audited, kept in {@code outbox_skipped_event}).</li>
 * </ul>
 */
@Endpoint(id = "outbox")
public class OutboxEndpoint {

    private final OutboxOperations operations;

    public OutboxEndpoint(OutboxOperations operations) {
        this.operations = operations;
    }

    /** The parked chains. */
    public record Parked(int count, List<ParkedChain> chains) {
    }

    @ReadOperation
    public Parked parked() {
        List<ParkedChain> chains = operations.parked();
        return new Parked(chains.size(), chains);
    }

    @WriteOperation
    public WebEndpointResponse<Map<String, Object>> act(@Selector String aggregateId, @Selector String action,
                                                        @Nullable String reason, SecurityContext security) {
        String actor = security.getPrincipal() == null ? "unknown" : security.getPrincipal().getName();
        return switch (action) {
            case "retry" -> operations.retry(aggregateId, actor)
                    ? new WebEndpointResponse<>(Map.of("aggregateId", aggregateId, "action", "retry"), 200)
                    : notParked(aggregateId);
            case "skip" -> {
                if (reason == null || reason.isBlank()) {
                    yield invalid("reason", "is required: a skip is audited with its reason");
                }
                yield operations.skip(aggregateId, actor, reason)
                        .map(id -> new WebEndpointResponse<Map<String, Object>>(
                                Map.of("aggregateId", aggregateId, "action", "skip", "skippedEventId", id.toString()), 200))
                        .orElseGet(() -> notParked(aggregateId));
            }
            default -> invalid("action", "must be retry or skip");
        };
    }

    private static WebEndpointResponse<Map<String, Object>> notParked(String aggregateId) {
        return problem(404, ProblemTypes.NOT_FOUND, "Not found", "no parked outbox chain for " + aggregateId, Map.of());
    }

    private static WebEndpointResponse<Map<String, Object>> invalid(String field, String message) {
        return problem(400, ProblemTypes.VALIDATION, "Request has invalid fields", field + ": " + message,
                Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }

    /** RFC 9457 body by hand: the actuator serialises with its own mapper, which would nest ProblemDetail's properties. */
    private static WebEndpointResponse<Map<String, Object>> problem(int status, String type, String title, String detail,
                                                                   Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", ProblemTypes.uri(type).toString());
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.putAll(extra);
        String correlationId = Correlation.currentId();
        if (correlationId != null) {
            body.put("correlationId", correlationId);
        }
        return new WebEndpointResponse<>(body, status, MimeType.valueOf("application/problem+json"));
    }
}
