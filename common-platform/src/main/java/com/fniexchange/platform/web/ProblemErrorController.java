package com.fniexchange.platform.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * {@code /error}, where the servlet container sends what no controller advice saw: an exception
 * thrown in a filter (the database gone while an Idempotency-Key is claimed, say), or an
 * error status set outside Spring MVC. Answers problem+json like every other error, with the
 * original path as {@code instance} and nothing of the exception, instead of Spring Boot's
 * default {@code {timestamp, status, error, path}} body.
 */
@Controller
@Hidden
@RequestMapping("${server.error.path:/error}")
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping(produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatus status = status(request);
        ProblemDetail problem = status.is5xxServerError()
                ? problem(status, ProblemTypes.INTERNAL, "Internal error",
                "the request could not be completed; quote the correlationId when you contact support")
                : problem(status, slug(status), status.getReasonPhrase(), "the request was refused: " + status.getReasonPhrase());
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (path != null) {
            problem.setInstance(URI.create(String.valueOf(path)));
        }
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure instanceof Throwable t && status.is5xxServerError()) {
            log.error("unhandled error outside the controllers on {}", path, t);
        }
        ProblemResponses.stamp(problem, request);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.uri(type));
        problem.setTitle(title);
        return problem;
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            // /error asked for directly, not forwarded by the container: nothing is there
            return HttpStatus.NOT_FOUND;
        }
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status != null ? status : HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static String slug(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> ProblemTypes.NOT_FOUND;
            case UNAUTHORIZED -> ProblemTypes.UNAUTHORIZED;
            case FORBIDDEN -> ProblemTypes.FORBIDDEN;
            case METHOD_NOT_ALLOWED -> ProblemTypes.METHOD_NOT_ALLOWED;
            case PAYLOAD_TOO_LARGE -> ProblemTypes.PAYLOAD_TOO_LARGE;
            case UNSUPPORTED_MEDIA_TYPE -> ProblemTypes.UNSUPPORTED_MEDIA_TYPE;
            case NOT_ACCEPTABLE -> ProblemTypes.NOT_ACCEPTABLE;
            default -> ProblemTypes.MALFORMED_REQUEST;
        };
    }
}
