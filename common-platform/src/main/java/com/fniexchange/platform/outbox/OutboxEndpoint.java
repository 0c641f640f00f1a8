package com.fniexchange.platform.outbox;

import com.fniexchange.platform.web.InvalidField;
import com.fniexchange.platform.web.ProblemException;
import com.fniexchange.platform.web.ProblemResponses;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
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
class OutboxEndpoint {

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
        return problem(new ProblemException.NotFound("parked outbox chain", aggregateId));
    }

    private static WebEndpointResponse<Map<String, Object>> invalid(String field, String message) {
        return problem(new ProblemException.InvalidFields(List.of(new InvalidField(field, message))));
    }

    /** The platform's problem, flattened: the actuator serialises with its own mapper. */
    private static WebEndpointResponse<Map<String, Object>> problem(ProblemException refusal) {
        ProblemDetail problem = refusal.toProblemDetail();
        ProblemResponses.stamp(problem, null);
        return new WebEndpointResponse<>(ProblemResponses.flat(problem), problem.getStatus(),
                MimeType.valueOf(MediaType.APPLICATION_PROBLEM_JSON_VALUE));
    }
}
