package com.fniexchange.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A refusal the API answers with an RFC 9457 problem: a status, a stable type slug (documented
 * in common-platform's README), a title, a detail for this occurrence and optional extension
 * members. Services throw the specific subclasses below or their own.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final Map<String, Object> properties;

    public ProblemException(HttpStatus status, String type, String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.properties = new LinkedHashMap<>(properties);
    }

    public HttpStatus status() {
        return status;
    }

    public ProblemDetail toProblemDetail() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
        problem.setType(ProblemTypes.uri(type));
        problem.setTitle(title);
        properties.forEach(problem::setProperty);
        return problem;
    }

    /** 404. Also the answer when a dealer asks for another dealer's resource, so numbers cannot be probed. */
    public static class NotFound extends ProblemException {
        public NotFound(String resource, String id) {
            super(HttpStatus.NOT_FOUND, "not-found", "Not found", resource + " " + id + " was not found", Map.of());
        }
    }

    /** 409: the request clashes with what exists (a duplicate, a concurrent change). */
    public static class Conflict extends ProblemException {
        public Conflict(String type, String title, String detail, Map<String, Object> properties) {
            super(HttpStatus.CONFLICT, type, title, detail, properties);
        }
    }

    /** 409: the resource's current status does not allow the action. */
    public static class InvalidStateTransition extends ProblemException {
        public InvalidStateTransition(String resource, String id, String currentStatus, String action) {
            super(HttpStatus.CONFLICT, "invalid-state-transition", "Action not allowed in the current status",
                    "cannot " + action + " " + resource + " " + id + " while it is " + currentStatus,
                    Map.of("currentStatus", currentStatus, "action", action));
        }
    }

    /** 422: well-formed request that a business rule refuses (expired quote, void window passed...). */
    public static class BusinessRuleViolation extends ProblemException {
        public BusinessRuleViolation(String rule, String detail) {
            this(rule, detail, Map.of());
        }

        public BusinessRuleViolation(String rule, String detail, Map<String, Object> properties) {
            super(HttpStatus.UNPROCESSABLE_ENTITY, rule, "Business rule not met", detail, properties);
        }
    }

    /** 400 with every bad field named, for checks the bean validation annotations cannot express. */
    public static class InvalidFields extends ProblemException {
        public InvalidFields(java.util.List<InvalidField> errors) {
            super(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Request has invalid fields",
                    errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                            : errors.size() + " fields are invalid",
                    Map.of("errors", java.util.List.copyOf(errors)));
        }
    }
}
