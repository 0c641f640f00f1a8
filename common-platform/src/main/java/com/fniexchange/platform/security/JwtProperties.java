package com.fniexchange.platform.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code fni.security.jwt.*}. Locally tokens are HS256-signed with a shared secret; in Azure
 * leave the secret unset and set {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}
 * (Entra ID) instead.
 *
 * @param hmacSecret HS256 secret, at least 32 bytes; accepted only under the {@code local} and
 *                   {@code test} profiles (a service refuses to start with it under any other)
 * @param issuer     expected {@code iss} of HS256 tokens; any when unset
 * @param audience   the {@code aud} every token must name (for Entra ID v2 tokens the API
 *                   application's client id; v1 tokens carry its application id URI); required
 *                   outside the {@code local} and {@code test} profiles
 * @param verifiedTokenTtl how long a verified token is answered from memory (never past its
 *                   {@code exp}); also how long a token stays accepted after its signing key is
 *                   withdrawn. {@code 0s} verifies every request.
 */
@ConfigurationProperties("fni.security.jwt")
record JwtProperties(String hmacSecret, String issuer, String audience,
                            @DefaultValue("60s") Duration verifiedTokenTtl) {

    /** The secret stays out of any message that prints these settings. */
    @Override
    public String toString() {
        return "JwtProperties[hmacSecret=" + (hmacSecret == null ? "not set" : "set") + ", issuer=" + issuer + ", audience=" + audience
                + ", verifiedTokenTtl=" + verifiedTokenTtl + "]";
    }

    boolean hasAudience() {
        return audience != null && !audience.isBlank();
    }

    boolean hasHmacSecret() {
        return hmacSecret != null && !hmacSecret.isBlank();
    }
}
