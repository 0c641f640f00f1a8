package com.fniexchange.platform.security;

import com.fniexchange.platform.web.PlatformWebAutoConfiguration;
import com.fniexchange.platform.web.ProblemResponses;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springdoc.core.utils.SpringDocUtils;

/**
 * The JWT resource server every web service runs, default-deny.
 *
 * <ul>
 *   <li>Open: health (with probes) and the OpenAPI document.</li>
 *   <li>The rest of the actuator: {@code OPS}.</li>
 *   <li>Everything else needs a valid token with at least one known {@link Role}; each endpoint
 *       then names its own roles with {@code @PreAuthorize} (the services test that none is
 *       left out). A token without a known role gets 403 everywhere.</li>
 * </ul>
 * Tokens are checked for signature, expiry, issuer and audience. Roles come from the
 * {@code roles} claim, dealers are scoped by {@code dealer_code}; 401/403 are problem+json.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class},
        after = PlatformWebAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(JwtProperties.class)
@EnableMethodSecurity
public class PlatformSecurityAutoConfiguration {

    /**
     * {@link Caller} as a handler parameter, resolved from the verified token; it is not a
     * request parameter, so the OpenAPI document leaves it out.
     */
    @Bean
    WebMvcConfigurer callerParameter() {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }

    /**
     * No observation around each security filter, authentication and authorisation: on the hot
     * path they cost more than a tenth of a request's CPU, and {@code http.server.requests}
     * already counts every refusal by status.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemResponses problems) throws Exception {
        ProblemAuthenticationHandlers handlers = new ProblemAuthenticationHandlers(problems);
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.OPS.name())
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().hasAnyRole(Role.names()))
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new CallerTokenConverter()))
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers))
                .exceptionHandling(e -> e.authenticationEntryPoint(handlers).accessDeniedHandler(handlers));
        return http.build();
    }

    /** Local development and tests only: HS256 tokens signed with {@code fni.security.jwt.hmac-secret}. */
    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    @ConditionalOnProperty("fni.security.jwt.hmac-secret")
    JwtDecoder hmacJwtDecoder(JwtProperties properties, Environment environment) {
        TokenPolicy.check(environment, properties);
        byte[] secret = properties.hmacSecret().getBytes(StandardCharsets.UTF_8);
        if (secret.length < 32) {
            throw new IllegalStateException("fni.security.jwt.hmac-secret must be at least 32 bytes for HS256");
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(secret, "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        decoder.setJwtValidator(validator(properties.issuer(), properties));
        return remembering(decoder, properties);
    }

    /**
     * The identity provider's tokens (Entra ID): keys from the issuer's metadata, fetched on the
     * first token rather than at start-up, so a service starts while the issuer is unreachable.
     */
    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    @ConditionalOnProperty(TokenPolicy.ISSUER_URI)
    JwtDecoder issuerJwtDecoder(JwtProperties properties, Environment environment) {
        TokenPolicy.check(environment, properties);
        String issuer = environment.getRequiredProperty(TokenPolicy.ISSUER_URI);
        if (issuer.isBlank()) {
            throw new IllegalStateException(TokenPolicy.ISSUER_URI + " is empty: set it (FNI_JWT_ISSUER_URI) to the identity "
                    + "provider's issuer, for example https://login.microsoftonline.com/<tenant>/v2.0");
        }
        return remembering(new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer).build();
            decoder.setJwtValidator(validator(issuer, properties));
            return decoder;
        }), properties);
    }

    /**
     * At most 4,096 tokens remembered. The system clock, not the application's {@code Clock} bean:
     * expiry must be judged on the same clock as the token validators judge it.
     */
    private static JwtDecoder remembering(JwtDecoder verifier, JwtProperties properties) {
        return new RecentlyVerifiedTokens(verifier, properties.verifiedTokenTtl(), 4096, Clock.systemUTC());
    }

    private static OAuth2TokenValidator<Jwt> validator(String issuer, JwtProperties properties) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(issuer == null || issuer.isBlank() ? JwtValidators.createDefault() : JwtValidators.createDefaultWithIssuer(issuer));
        // JwtTimestampValidator checks exp only when present: a token without one would never expire
        validators.add(new JwtClaimValidator<Object>(JwtClaimNames.EXP, java.util.Objects::nonNull));
        if (properties.hasAudience()) {
            validators.add(new JwtAudienceValidator(properties.audience()));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }
}
