package com.fniexchange.platform.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fniexchange.platform.calendar.BusinessCalendarAutoConfiguration;
import com.fniexchange.platform.web.PlatformWebAutoConfiguration;
import com.fniexchange.testsupport.DevJwt;
import com.fniexchange.testsupport.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Default-deny and token checks on bare controllers (a web slice: no database, no broker). */
@WebMvcTest(controllers = DefaultDenyWebTest.ProbeResource.class)
@ImportAutoConfiguration({BusinessCalendarAutoConfiguration.class, PlatformWebAutoConfiguration.class,
        PlatformSecurityAutoConfiguration.class})
@Import(DefaultDenyWebTest.ProbeResource.class)
@ActiveProfiles("test")
@TestPropertySource(properties = {
        "fni.security.jwt.hmac-secret=" + TestInfrastructure.JWT_SECRET,
        "fni.security.jwt.issuer=" + TestInfrastructure.JWT_ISSUER,
        "fni.security.jwt.audience=" + TestInfrastructure.JWT_AUDIENCE})
class DefaultDenyWebTest {

    @RestController
    static class ProbeResource {
        @GetMapping("/api/dealer-only")
        @PreAuthorize("hasRole('DEALER')")
        String dealerOnly(Caller caller) {
            return "dealer " + caller.requireDealer();
        }

        /** An endpoint whose author forgot @PreAuthorize: still closed to a token without a known role. */
        @GetMapping("/api/unannotated")
        String unannotated(Caller caller) {
            return "seen by " + caller.subject();
        }
    }

    @Autowired
    MockMvc mvc;

    private String token(List<String> roles, String audience) {
        return "Bearer " + DevJwt.mint(TestInfrastructure.JWT_SECRET, "someone@example", roles, null,
                Instant.now().plus(Duration.ofMinutes(5)), audience);
    }

    @Test
    void aTokenWithoutAKnownRoleIsForbiddenEverywhere() throws Exception {
        for (List<String> roles : List.of(List.<String>of(), List.of("ADMIN"), List.of("dealer"))) {
            for (String path : List.of("/api/dealer-only", "/api/unannotated")) {
                mvc.perform(get(path).header("Authorization", token(roles, TestInfrastructure.JWT_AUDIENCE)))
                        .andExpect(status().isForbidden())
                        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                        .andExpect(jsonPath("$.type").value("https://fniexchange.com/problems/forbidden"));
            }
        }
    }

    @Test
    void aKnownRoleReachesWhatItsEndpointAllows() throws Exception {
        mvc.perform(get("/api/dealer-only").header("Authorization", "Bearer " + DevJwt.dealer("D1001")))
                .andExpect(status().isOk())
                .andExpect(content().string("dealer D1001"));
        mvc.perform(get("/api/dealer-only").header("Authorization", "Bearer " + DevJwt.ops()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/unannotated").header("Authorization", "Bearer " + DevJwt.ops()))
                .andExpect(status().isOk());
    }

    @Test
    void aTokenForAnotherAudienceOrNoneIsRefused() throws Exception {
        for (String audience : new String[] {"another-api", null}) {
            mvc.perform(get("/api/unannotated").header("Authorization", token(List.of("OPS"), audience)))
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("aud")));
        }
    }

    @Test
    void aTokenWithoutAnExpiryIsRefused() throws Exception {
        String forever = DevJwt.mint(TestInfrastructure.JWT_SECRET, "someone@example", List.of("OPS"), null, null,
                TestInfrastructure.JWT_AUDIENCE);
        mvc.perform(get("/api/unannotated").header("Authorization", "Bearer " + forever))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("exp")))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("decode the Jwt"))));
    }
}
