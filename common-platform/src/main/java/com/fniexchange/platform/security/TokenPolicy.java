package com.fniexchange.platform.security;

import java.util.Arrays;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * What token settings a service may start with. The HS256 shared secret is a development
 * convenience: under any profile but {@code local} and {@code test} it would let anyone who
 * knows the secret mint any role, so the service refuses to start with it. Outside those
 * profiles the audience is required too, so a token issued for another API of the same tenant
 * is not accepted here.
 */
final class TokenPolicy {

    static final String ISSUER_URI = "spring.security.oauth2.resourceserver.jwt.issuer-uri";
    private static final Profiles DEVELOPMENT = Profiles.of("local", "test");

    private TokenPolicy() {
    }

    /** @throws IllegalStateException naming the setting to change, when the settings are unsafe */
    static void check(Environment environment, JwtProperties properties) {
        boolean development = environment.acceptsProfiles(DEVELOPMENT);
        String profiles = Arrays.toString(environment.getActiveProfiles());
        if (properties.hasHmacSecret() && !development) {
            throw new IllegalStateException("fni.security.jwt.hmac-secret (HS256 dev tokens) is allowed only with the local or "
                    + "test profile; active profiles: " + profiles + ". Unset it and configure " + ISSUER_URI + " instead.");
        }
        if (!properties.hasAudience() && !development) {
            throw new IllegalStateException("fni.security.jwt.audience is required outside the local and test profiles "
                    + "(active profiles: " + profiles + "): set it to the aud tokens for this API carry (Entra ID v2: the API's client id)");
        }
    }
}
