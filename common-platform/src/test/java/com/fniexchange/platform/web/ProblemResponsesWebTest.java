package com.fniexchange.platform.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fniexchange.platform.security.PlatformSecurityAutoConfiguration;
import com.fniexchange.testsupport.DevJwt;
import com.fniexchange.testsupport.TestInfrastructure;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The error conventions on a bare controller: no database, no broker (a web slice). */
@WebMvcTest(controllers = ProblemResponsesWebTest.ProbeResource.class)
@ImportAutoConfiguration({PlatformWebAutoConfiguration.class, PlatformSecurityAutoConfiguration.class})
@Import(ProblemResponsesWebTest.ProbeResource.class)
@org.springframework.test.context.ActiveProfiles("test")
@TestPropertySource(properties = {
        "fni.security.jwt.hmac-secret=" + TestInfrastructure.JWT_SECRET,
        "fni.http.max-body-size=1KB"})
class ProblemResponsesWebTest {

    @RestController
    static class ProbeResource {
        record Sale(@NotBlank String dealNumber, LocalDate saleDate, List<Integer> lines) {
        }

        @PostMapping(path = "/api/probe", consumes = MediaType.APPLICATION_JSON_VALUE)
        Sale echo(@Valid @RequestBody Sale sale) {
            return sale;
        }

        @GetMapping("/api/probe")
        String find(@RequestParam int page) {
            return "page " + page;
        }

        @GetMapping("/api/boom")
        String boom() {
            throw new IllegalStateException("SELECT * FROM secret_table -- must never reach a client");
        }
    }

    @Autowired
    MockMvc mvc;

    final String bearer = "Bearer " + DevJwt.dealer("D1001");

    @Test
    void wrongTypesInsideTheBodyNameThePath() throws Exception {
        mvc.perform(post("/api/probe").header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"dealNumber":"D-1","saleDate":"2026-02-30","lines":[1]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("saleDate"))
                .andExpect(jsonPath("$.errors[0].message").value("'2026-02-30' is not a date (YYYY-MM-DD)"));
        mvc.perform(post("/api/probe").header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"dealNumber":"D-1","lines":[1,"x"]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lines[1]"));
    }

    @Test
    void missingAndMistypedParametersAreValidationProblems() throws Exception {
        mvc.perform(get("/api/probe").header("Authorization", bearer))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"))
                .andExpect(jsonPath("$.errors[0].message").value("is required"));
        mvc.perform(get("/api/probe?page=two").header("Authorization", bearer))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("must be a whole number"));
    }

    @Test
    void methodMediaTypeAndSizeProblems() throws Exception {
        mvc.perform(put("/api/probe").header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(header().exists("Allow"))
                .andExpect(jsonPath("$.type").value("https://fniexchange.com/problems/method-not-allowed"));
        mvc.perform(post("/api/probe").header("Authorization", bearer).contentType(MediaType.TEXT_PLAIN).content("x"))
                .andExpect(status().isUnsupportedMediaType());
        mvc.perform(post("/api/probe").header("Authorization", bearer).accept(MediaType.APPLICATION_XML)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"dealNumber\":\"D-1\"}"))
                .andExpect(status().isNotAcceptable());
        mvc.perform(post("/api/probe").header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dealNumber\":\"" + "x".repeat(2000) + "\"}"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.maxBytes").value(1024));
        mvc.perform(get("/api/nothing-here").header("Authorization", bearer))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://fniexchange.com/problems/not-found"));
    }

    @Test
    void unexpectedErrorsShowNothingInternal() throws Exception {
        mvc.perform(get("/api/boom").header("Authorization", bearer).header("X-Correlation-Id", "support-1234"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.type").value("https://fniexchange.com/problems/internal-error"))
                .andExpect(jsonPath("$.correlationId").value("support-1234"))
                .andExpect(header().string("X-Correlation-Id", "support-1234"))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("secret_table"))))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("IllegalStateException"))));
    }

    /** What the container forwards to /error (an exception in a filter) is problem+json too, with nothing of the exception. */
    @Test
    void errorsOutsideTheControllersArePlainProblems() throws Exception {
        mvc.perform(get("/error").header("Authorization", bearer)
                        .requestAttr(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, 500)
                        .requestAttr(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI, "/api/probe")
                        .requestAttr(jakarta.servlet.RequestDispatcher.ERROR_EXCEPTION,
                                new IllegalStateException("SELECT * FROM secret_table")))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://fniexchange.com/problems/internal-error"))
                .andExpect(jsonPath("$.instance").value("/api/probe"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("SELECT"))))
                .andExpect(jsonPath("$.timestamp").doesNotExist());
        mvc.perform(get("/error").requestAttr(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, 404)
                        .requestAttr(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI, "/nowhere"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://fniexchange.com/problems/not-found"));
    }

    @Test
    void textWithNulAndNumbersThatAreNotWholeNumbersAreRefusedNamingTheField() throws Exception {
        mvc.perform(post("/api/probe").header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dealNumber\":\"D-1\\u0000x\",\"lines\":[1]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("dealNumber"))
                .andExpect(jsonPath("$.errors[0].message").value("must not contain the NUL character (U+0000)"));
        for (String lines : new String[] {"[72.9]", "[\"7\"]"}) {
            mvc.perform(post("/api/probe").header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"dealNumber\":\"D-1\",\"lines\":" + lines + "}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("lines[0]"))
                    .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("whole number")));
        }
        mvc.perform(get("/error").header("Authorization", bearer))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
