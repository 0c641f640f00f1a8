package com.fniexchange.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Mints HS256 tokens the way the local profile's issuer would: {@code sub}, {@code iss},
 * {@code aud}, {@code roles} and, for dealers, {@code dealer_code}. For tests and benchmarks only.
 */
public final class DevJwt {

    private DevJwt() {
    }

    public static String dealer(String dealerCode) {
        return mint("dealer-user@" + dealerCode.toLowerCase(), List.of("DEALER"), dealerCode, Duration.ofHours(1));
    }

    public static String providerAdmin() {
        return mint("admin@provider", List.of("PROVIDER_ADMIN"), null, Duration.ofHours(1));
    }

    public static String ops() {
        return mint("ops@provider", List.of("OPS"), null, Duration.ofHours(1));
    }

    public static String mint(String subject, List<String> roles, String dealerCode, Duration ttl) {
        return mint(TestInfrastructure.JWT_SECRET, subject, roles, dealerCode, Instant.now().plus(ttl));
    }

    public static String mint(String secret, String subject, List<String> roles, String dealerCode, Instant expiresAt) {
        return mint(secret, subject, roles, dealerCode, expiresAt, TestInfrastructure.JWT_AUDIENCE);
    }

    /** A token for another audience ({@code null}: no {@code aud} claim at all); {@code expiresAt} null: no {@code exp}. */
    public static String mint(String secret, String subject, List<String> roles, String dealerCode, Instant expiresAt,
                              String audience) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(TestInfrastructure.JWT_ISSUER)
                .audience(audience)
                .issueTime(new Date())
                .expirationTime(expiresAt == null ? null : Date.from(expiresAt))
                .claim("roles", roles);
        if (dealerCode != null) {
            claims.claim("dealer_code", dealerCode);
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
