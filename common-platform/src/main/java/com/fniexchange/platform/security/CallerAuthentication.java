package com.fniexchange.platform.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A verified token with the {@link Caller} read from it once, when it was authenticated: every
 * later use in the request (argument resolution, scoping) takes this one instead of parsing the
 * claims again.
 */
final class CallerAuthentication extends JwtAuthenticationToken {

    private final transient Caller caller;

    CallerAuthentication(Jwt jwt, Collection<? extends GrantedAuthority> authorities, Caller caller) {
        super(jwt, authorities, jwt.getSubject());
        this.caller = caller;
    }

    Caller caller() {
        return caller;
    }
}
