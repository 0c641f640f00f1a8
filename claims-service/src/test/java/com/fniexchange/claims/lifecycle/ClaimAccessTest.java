package com.fniexchange.claims.lifecycle;

import static com.fniexchange.claims.Claims.ADJUSTER;
import static com.fniexchange.claims.Claims.ADMIN;
import static com.fniexchange.claims.Claims.FACILITY;
import static com.fniexchange.claims.Claims.OTHER_FACILITY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fniexchange.claims.Claims;
import com.fniexchange.claims.ClaimDeskTest;
import com.fniexchange.claims.ClaimsServiceTest;
import com.fniexchange.claims.ContractFeed;
import com.fniexchange.claims.Http;
import com.fniexchange.model.event.contract.ContractSubmitted;
import com.fniexchange.testsupport.DevJwt;
import com.fniexchange.testsupport.EndpointRoles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Who sees what: a facility its own claims and only coverage facts of contracts sold elsewhere; adjusters and admins all. */
@ClaimsServiceTest
class ClaimAccessTest extends ClaimDeskTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointNamesItsRoles() {
        EndpointRoles.assertEveryEndpointNamesItsRoles(mappings, "com.fniexchange.claims");
    }

    @Test
    void aFacilityCannotReadOrTouchAnotherFacilitysClaim() {
        ContractSubmitted contract = feed.activeContract(40);
        Http.Response opened = http.post("/api/v1/claims", FACILITY, Claims.open(contract.contractNumber().value(), ContractFeed.today(), 30_000));
        String id = opened.json().get("claimId").asText();

        Http.Response read = http.get("/api/v1/claims/" + id, OTHER_FACILITY);
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.body()).doesNotContain(contract.contractNumber().value()).doesNotContain("D2002");
        Http.Response missing = http.get("/api/v1/claims/00000000-0000-0000-0000-000000000000", OTHER_FACILITY);
        assertThat(read.json().get("title")).isEqualTo(missing.json().get("title"));
        assertThat(http.post("/api/v1/claims/" + id + "/estimate", OTHER_FACILITY, Claims.lines("10.00")).status()).isEqualTo(404);
        assertThat(http.post("/api/v1/claims/" + id + "/appeal", OTHER_FACILITY, "{\"reason\":\"x\"}").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/claims?limit=200", OTHER_FACILITY).json().get("items"))
                .extracting(c -> c.get("claimId").asText()).doesNotContain(id);

        assertThat(http.get("/api/v1/claims/" + id, FACILITY).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/claims/" + id, ADJUSTER).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/claims/" + id, ADMIN).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/claims?limit=200", FACILITY).json().get("items"))
                .allSatisfy(c -> assertThat(c.get("repairFacility").asText()).isEqualTo("D2002"));
    }

    @Test
    void aFacilitySeesOnlyCoverageFactsOfAContractSoldElsewhere() {
        ContractSubmitted contract = feed.activeContract(40); // sold by D1001; the facility is D2002
        Http.Response opened = http.post("/api/v1/claims", FACILITY, Claims.open(contract.contractNumber().value(), ContractFeed.today(), 30_000));
        Http.Response lookup = http.get("/api/v1/claims/coverage?vin=" + contract.vin(), FACILITY);
        assertThat(lookup.status()).as(lookup.body()).isEqualTo(200);
        for (JsonNode json : List.of(opened.json(), lookup.json().get(0))) {
            String body = json.toString();
            assertThat(body).contains(contract.contractNumber().value());
            // never the price, the dealer cost, the customer or the lienholder
            assertThat(body).doesNotContain("2195").doesNotContain("1100.00").doesNotContain("Ally").doesNotContain("\"TX\"");
            assertThat(fieldNames(json)).noneMatch(name -> name.toLowerCase().contains("price") || name.toLowerCase().contains("cost")
                    || name.toLowerCase().contains("customer") || name.toLowerCase().contains("lienholder"));
        }
        assertThat(lookup.json().get(0).get("sellingDealer").asText()).isEqualTo("D1001");
        assertThat(http.get("/api/v1/claims/coverage?contractNumber=VSC00000000", FACILITY).status()).isEqualTo(404);
    }

    @Test
    void aCoverageLookUpByAMalformedContractNumberIs400NamingIt() {
        ContractSubmitted contract = feed.activeContract(40);
        // lower case and padding are the same contract
        Http.Response padded = http.get("/api/v1/claims/coverage?contractNumber=%20" + contract.contractNumber().value().toLowerCase() + "%20", FACILITY);
        assertThat(padded.status()).as(padded.body()).isEqualTo(200);
        // a NUL used to reach PostgreSQL and answer 500
        for (String number : List.of("VSC%0000000000", "VSC")) {
            Http.Response bad = http.get("/api/v1/claims/coverage?contractNumber=" + number, FACILITY);
            assertThat(bad.status()).as(bad.body()).isEqualTo(400);
            assertThat(bad.json().get("errors").get(0).get("field").asText()).isEqualTo("contractNumber");
        }
    }

    @Test
    void rolesAreEnforced() {
        String nobody = DevJwt.mint("nobody", List.of("SOMETHING_ELSE"), null, Duration.ofHours(1));
        assertThat(http.get("/api/v1/claims", nobody).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/claims", null).status()).isEqualTo(401);
        assertThat(http.get("/api/v1/claims", DevJwt.ops()).status()).isEqualTo(403);
        // opening is a facility's; registers are the provider admin's
        assertThat(http.post("/api/v1/claims", ADJUSTER, Claims.open("VSC00000000", ContractFeed.today(), 1)).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/claims/register?from=2027-01-01&to=2027-01-31", FACILITY).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/claims/register?from=2027-01-01&to=2027-01-31", ADJUSTER).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/claims/register?from=2027-01-01&to=2027-01-31", ADMIN).status()).isEqualTo(200);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                names.add(name);
                names.addAll(fieldNames(node.get(name)));
            }
        } else if (node.isArray()) {
            node.forEach(child -> names.addAll(fieldNames(child)));
        }
        return names;
    }
}
