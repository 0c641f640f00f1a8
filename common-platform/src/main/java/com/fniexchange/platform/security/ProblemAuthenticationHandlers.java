package com.fniexchange.platform.security;

import com.fniexchange.platform.web.ProblemResponses;
import com.fniexchange.platform.web.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 as problem+json, with the {@code WWW-Authenticate} header RFC 6750 asks for. */
class ProblemAuthenticationHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ProblemResponses problems;

    ProblemAuthenticationHandlers(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        boolean invalid = e instanceof InvalidBearerTokenException;
        // the library's wording around the reason says nothing to a caller
        String reason = e.getMessage() == null ? "invalid" : e.getMessage()
                .replace("An error occurred while attempting to decode the Jwt: ", "");
        String detail = invalid ? "the bearer token was refused: " + reason
                : "a bearer token is required (Authorization: Bearer <jwt>)";
        response.setHeader("WWW-Authenticate", invalid
                ? "Bearer error=\"invalid_token\", error_description=\"" + reason.replace("\"", "'") + "\""
                : "Bearer");
        problems.write(request, response, HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, "Unauthorized", detail, Map.of());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        problems.write(request, response, HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden",
                "your role does not allow this operation", Map.of());
    }
}
