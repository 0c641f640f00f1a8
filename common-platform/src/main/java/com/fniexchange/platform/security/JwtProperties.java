package com.fniexchange.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code fni.security.jwt.*}. Locally tokens are HS256-signed with a shared secret; in Azure
 * leave the secret unset and set {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}
 * (Entra ID) instead.
 *
 * @param hmacSecret HS256 secret, at least 32 bytes; local development only
 * @param issuer     expected {@code iss} of HS256 tokens; any when unset
 */
@ConfigurationProperties("fni.security.jwt")
public record JwtProperties(String hmacSecret, String issuer) {
}
