package com.fniexchange.testsupport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Default-deny, checked: every endpoint of a service names the roles that may call it with
 * {@link PreAuthorize}, so a new endpoint cannot silently be open to any authenticated token.
 */
public final class EndpointRoles {

    private EndpointRoles() {
    }

    /**
     * Fails when a handler method whose controller lives in one of the service's own packages has
     * no {@code @PreAuthorize} on the method or its class. Handlers of other packages (springdoc,
     * actuator, Spring's error controller) are not checked: the platform's URL rules guard them.
     *
     * @param mapping  the service's {@code requestMappingHandlerMapping} bean
     * @param packages the service's own base packages, for example {@code com.fniexchange.contract}
     * @throws AssertionError listing every unguarded endpoint, or when no endpoint was found at all
     */
    public static void assertEveryEndpointNamesItsRoles(RequestMappingHandlerMapping mapping, String... packages) {
        if (packages.length == 0) {
            throw new IllegalArgumentException("name the service's own packages");
        }
        List<String> unguarded = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            String type = handler.getBeanType().getName();
            if (Arrays.stream(packages).noneMatch(p -> type.startsWith(p + "."))) {
                continue;
            }
            checked++;
            boolean guarded = AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PreAuthorize.class)
                    || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PreAuthorize.class);
            if (!guarded) {
                unguarded.add(entry.getKey() + " -> " + handler.getShortLogMessage());
            }
        }
        if (checked == 0) {
            throw new AssertionError("no endpoint found in " + Arrays.toString(packages) + "; is the package right?");
        }
        if (!unguarded.isEmpty()) {
            throw new AssertionError(unguarded.size() + " endpoint(s) do not name their roles with @PreAuthorize:\n  "
                    + String.join("\n  ", unguarded));
        }
    }
}
