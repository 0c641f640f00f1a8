package com.fniexchange.platform.security;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets controllers declare a {@link Caller} parameter. */
public class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    /** The caller of the current request. */
    public static Caller current() {
        Object authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof CallerAuthentication known) {
            return known.caller();
        }
        if (authentication instanceof JwtAuthenticationToken token) {
            return CallerTokenConverter.caller(token.getToken());
        }
        throw new AuthenticationCredentialsNotFoundException("no authenticated caller");
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) {
        return current();
    }
}
