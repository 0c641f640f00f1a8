package com.fniexchange.contract.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fniexchange.contract.Api;
import com.fniexchange.contract.ContractServiceTest;
import com.fniexchange.contract.DealerPortalTest;
import com.fniexchange.testsupport.DevJwt;
import com.fniexchange.testsupport.EndpointRoles;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Who may call what, and that one dealer's request never reads or locks another dealer's rows. */
@ContractServiceTest
class ContractAccessTest extends DealerPortalTest {

    /** Long enough for any answer on this machine; a request blocked on another dealer's row lock never answers. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(15);

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    DataSource dataSource;
    final String otherDealer = DevJwt.dealer("D6007");

    ContractAccessTest() {
        super("D6006");
    }

    String contract(String planCode, String price) {
        Api.Response c = api.post("/api/v1/contracts", dealer, Api.submission(quote(), planCode, deal(), price));
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        return c.json().get("contractNumber").asText();
    }

    @Test
    void everyEndpointNamesTheRolesThatMayCallIt() {
        EndpointRoles.assertEveryEndpointNamesItsRoles(mappings, "com.fniexchange.contract");
    }

    @Test
    void aTokenWithoutAKnownRoleIsForbidden() {
        String number = contract("APP-60", "499.00");
        for (List<String> roles : List.of(List.<String>of(), List.of("AUDITOR"))) {
            String token = DevJwt.mint("someone@elsewhere", roles, null, Duration.ofMinutes(5));
            Api.Response list = api.get("/api/v1/contracts", token);
            assertThat(list.status()).as("roles %s: %s", roles, list.body()).isEqualTo(403);
            assertThat(list.json().get("type").asText()).endsWith("/forbidden");
            assertThat(list.body()).doesNotContain(number);
            assertThat(api.get("/api/v1/contracts/" + number, token).status()).as("roles %s", roles).isEqualTo(403);
        }
        assertThat(api.get("/api/v1/contracts/" + number, DevJwt.mint("adjuster@provider", List.of("CLAIMS_ADJUSTER"), null,
                Duration.ofMinutes(5))).status()).isEqualTo(200);
    }

    @Test
    void anotherDealersVoidNeitherSeesNorWaitsOnTheContract() throws Exception {
        String number = contract("APP-60", "499.00");
        try (Connection held = lockContract(number)) {
            Api.Response voided = api.send(request("/api/v1/contracts/" + number + "/void", "{\"reason\":\"not mine\"}"), otherDealer);
            assertThat(voided.status()).isEqualTo(404);
            assertThat(voided.body()).doesNotContain("D6006").doesNotContain("Jane");
            held.rollback();
        }
        assertThat(api.get("/api/v1/contracts/" + number, dealer).json().get("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void anotherDealersRemittanceNeverLocksTheContract() throws Exception {
        String number = contract("VSC-60-75-100", "2195.00");
        try (Connection held = lockContract(number)) {
            Api.Response refused = api.send(request("/api/v1/remittances", "{\"contractNumbers\":[\"" + number + "\"]}"), otherDealer);
            assertThat(refused.status()).as(refused.body()).isEqualTo(422);
            assertThat(refused.json().get("errors").get(0).get("message").asText()).isEqualTo("contract " + number + " was not found");
            held.rollback();
        }
        Api.Response remitted = api.post("/api/v1/remittances", dealer, "{\"contractNumbers\":[\"" + number + "\"]}");
        assertThat(remitted.status()).as(remitted.body()).isEqualTo(201);
        String id = remitted.json().get("remittanceId").asText();
        assertThat(api.get("/api/v1/remittances/" + id, otherDealer).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/remittances/" + id, DevJwt.providerAdmin()).status()).isEqualTo(200);
    }

    @Test
    void anotherDealersRemittanceIdAnswers404WithoutReadingItsContracts() throws Exception {
        String number = contract("VSC-60-75-100", "2195.00");
        Api.Response remitted = api.post("/api/v1/remittances", dealer, "{\"contractNumbers\":[\"" + number + "\"]}");
        assertThat(remitted.status()).as(remitted.body()).isEqualTo(201);
        String id = remitted.json().get("remittanceId").asText();
        // while no one may read the contract table, a lookup that reads the remittance's contract
        // lines before (or without) its dealer check never answers
        try (Connection held = dataSource.getConnection()) {
            held.setAutoCommit(false);
            try (PreparedStatement st = held.prepareStatement("LOCK TABLE contract IN ACCESS EXCLUSIVE MODE")) {
                st.execute();
            }
            Api.Response other = api.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/remittances/" + id))
                    .timeout(ANSWER_WITHIN).GET(), otherDealer);
            assertThat(other.status()).as(other.body()).isEqualTo(404);
            assertThat(other.json().get("type").asText()).endsWith("/not-found");
            assertThat(other.body()).doesNotContain(number).doesNotContain("D6006");
            held.rollback();
        }
        Api.Response own = api.get("/api/v1/remittances/" + id, dealer);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("contracts").get(0).get("contractNumber").asText()).isEqualTo(number);
    }

    /** Holds the contract's row lock, as the owning dealer's own transaction would while it works. */
    private Connection lockContract(String number) throws Exception {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(false);
        try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM contract WHERE contract_number = ? FOR UPDATE")) {
            st.setString(1, number);
            assertThat(st.executeQuery().next()).isTrue();
        }
        return c;
    }

    private HttpRequest.Builder request(String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(ANSWER_WITHIN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }
}
