package com.fniexchange.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fniexchange.model.DealerCode;
import com.fniexchange.platform.calendar.BusinessCalendarAutoConfiguration;
import com.fniexchange.platform.web.PlatformWebAutoConfiguration;
import com.fniexchange.testsupport.TestInfrastructure;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class TokenPolicyTest {

    final WebApplicationContextRunner service = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, WebMvcAutoConfiguration.class,
                    BusinessCalendarAutoConfiguration.class, PlatformWebAutoConfiguration.class, PlatformSecurityAutoConfiguration.class,
                    SecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class));

    @Test
    void aServiceRefusesToStartWithTheDevSecretOutsideLocalAndTest() {
        service.withPropertyValues("spring.profiles.active=prod", "fni.security.jwt.hmac-secret=" + TestInfrastructure.JWT_SECRET,
                        "fni.security.jwt.audience=fni-exchange")
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("fni.security.jwt.hmac-secret")
                        .hasMessageContaining("only with the local or test profile"));
        service.withPropertyValues("spring.profiles.active=local", "fni.security.jwt.hmac-secret=" + TestInfrastructure.JWT_SECRET)
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(JwtDecoder.class));
    }

    @Test
    void theAudienceIsRequiredOutsideLocalAndTest() {
        service.withPropertyValues("spring.profiles.active=eventhubs",
                        "spring.security.oauth2.resourceserver.jwt.issuer-uri=https://login.example/tenant/v2.0")
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("fni.security.jwt.audience is required"));
        service.withPropertyValues("spring.profiles.active=eventhubs", "fni.security.jwt.audience=api://fni-exchange",
                        "spring.security.oauth2.resourceserver.jwt.issuer-uri=https://login.example/tenant/v2.0")
                .run(context -> assertThat(context).as("the issuer is contacted on the first token, not at start-up")
                        .hasNotFailed().hasSingleBean(JwtDecoder.class));
    }

    @Test
    void policyAlone() {
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");
        assertThatThrownBy(() -> TokenPolicy.check(prod, new JwtProperties("s".repeat(40), null, "aud", java.time.Duration.ofSeconds(60))))
                .isInstanceOf(IllegalStateException.class);
        assertThatCode(() -> TokenPolicy.check(prod, new JwtProperties(null, null, "aud", java.time.Duration.ofSeconds(60)))).doesNotThrowAnyException();
        MockEnvironment test = new MockEnvironment();
        test.setActiveProfiles("test");
        assertThatCode(() -> TokenPolicy.check(test, new JwtProperties("s".repeat(40), null, null, java.time.Duration.ofSeconds(60)))).doesNotThrowAnyException();
    }

    @Test
    void onlyKnownProviderRolesSeeOtherDealers() {
        DealerCode d1 = DealerCode.of("D1001");
        DealerCode d2 = DealerCode.of("D2002");
        assertThat(new Caller("u", Set.of(), Optional.empty()).maySee(d1)).isFalse();
        assertThat(new Caller("u", Set.of(Role.DEALER), Optional.of(d1)).maySee(d1)).isTrue();
        assertThat(new Caller("u", Set.of(Role.DEALER), Optional.of(d1)).maySee(d2)).isFalse();
        for (Role provider : Set.of(Role.PROVIDER_ADMIN, Role.CLAIMS_ADJUSTER, Role.OPS)) {
            assertThat(new Caller("u", Set.of(provider), Optional.empty()).maySee(d2)).isTrue();
            assertThat(new Caller("u", Set.of(provider), Optional.empty()).dealerScope()).isEmpty();
        }
        assertThat(new Caller("u", Set.of(Role.DEALER), Optional.of(d1)).dealerScope()).contains(d1);
        assertThatThrownBy(() -> new Caller("u", Set.of(), Optional.empty()).dealerScope())
                .hasMessageContaining("does not allow");
    }

    @Test
    void rolesMayComeAsAnArrayOrOneSpaceSeparatedString() {
        org.springframework.security.oauth2.jwt.Jwt asText = org.springframework.security.oauth2.jwt.Jwt.withTokenValue("t")
                .header("alg", "HS256").subject("ops@provider").claim("roles", "OPS PROVIDER_ADMIN  UNKNOWN").build();
        assertThat(CallerTokenConverter.caller(asText).roles()).containsExactlyInAnyOrder(Role.OPS, Role.PROVIDER_ADMIN);
        org.springframework.security.oauth2.jwt.Jwt asNumber = org.springframework.security.oauth2.jwt.Jwt.withTokenValue("t")
                .header("alg", "HS256").subject("x").claim("roles", 42).build();
        assertThat(CallerTokenConverter.caller(asNumber).roles()).isEmpty();
    }
}
