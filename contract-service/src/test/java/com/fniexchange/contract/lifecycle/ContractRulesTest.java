package com.fniexchange.contract.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fniexchange.contract.Api;
import com.fniexchange.contract.ContractServiceTest;
import com.fniexchange.contract.DealerPortalTest;
import com.fniexchange.testsupport.DevJwt;
import com.fniexchange.testsupport.TestVins;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** Every contracting rule, and the problem+json a dealer gets when it is broken. */
@ContractServiceTest
class ContractRulesTest extends DealerPortalTest {

    ContractRulesTest() {
        super("D2002");
    }

    static List<String> errorFields(JsonNode problem) {
        return StreamSupport.stream(problem.get("errors").spliterator(), false).map(e -> e.get("field").asText()).toList();
    }

    static String errorFor(JsonNode problem, String field) {
        for (JsonNode e : problem.get("errors")) {
            if (e.get("field").asText().equals(field)) {
                return e.get("message").asText();
            }
        }
        throw new AssertionError("no error for " + field + " in " + problem);
    }

    @Test
    void rateRequestReportsEveryBadFieldAtOnce() {
        Api.Response r = api.post("/api/v1/rates", dealer, """
                {"vin":"1HGCM82643A004352","make":"","modelYear":2099,"odometer":-5,
                 "vehicleInServiceDate":"%s","saleDate":"%s","customerState":"XX"}
                """.formatted(Api.today().plusDays(3), Api.today().plusDays(1)));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = r.json();
        assertThat(problem.get("type").asText()).isEqualTo("https://fniexchange.com/problems/validation");
        assertThat(problem.get("instance").asText()).isEqualTo("/api/v1/rates");
        assertThat(problem.get("correlationId").asText()).isNotBlank();
        assertThat(errorFields(problem)).contains("vin", "make", "odometer", "customerState", "saleDate", "vehicleInServiceDate", "modelYear");
        assertThat(errorFor(problem, "vin")).isEqualTo("VIN check digit (position 9) is '4' but the other characters give '3'");
        assertThat(errorFor(problem, "customerState")).isEqualTo("must be a two-letter US state code, such as TX");
        assertThat(errorFor(problem, "saleDate")).startsWith("must not be in the future");
        assertThat(errorFor(problem, "make")).isEqualTo("is required and must not be blank");
        assertThat(errorFor(problem, "odometer")).isEqualTo("must be at least 0");
        assertThat(errorFor(problem, "vehicleInServiceDate")).startsWith("must not be after the sale date");
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at com.");
    }

    @Test
    void saleOlderThanSixtyDaysCannotBeRated() {
        Api.Response r = api.post("/api/v1/rates", dealer, Api.rateRequest(TestVins.next(), "TX", 10_000, Api.today().minusDays(61)));
        assertThat(r.status()).isEqualTo(400);
        assertThat(errorFor(r.json(), "saleDate")).isEqualTo("is more than 60 days ago; sales older than that cannot be contracted");
    }

    @Test
    void vinWithForbiddenLetterNamesThePosition() {
        Api.Response r = api.post("/api/v1/rates", dealer, Api.rateRequest("1HGCM82633A00435O", "TX"));
        assertThat(errorFor(r.json(), "vin")).startsWith("VIN character 'O' at position 17 is not allowed");
        // user input reaches the message literally, never as a message template
        Api.Response braces = api.post("/api/v1/rates", dealer, Api.rateRequest("1HGCM82633A00435{", "TX"));
        assertThat(errorFor(braces.json(), "vin")).startsWith("VIN character '{' at position 17 is not allowed");
    }

    @Test
    void highOdometerAndOldVehicleMakePlansIneligibleWithReasons() {
        Api.Response r = api.post("/api/v1/rates", dealer, Api.rateRequest(TestVins.next(), "TX", 130_000, Api.today().minusDays(1)));
        assertThat(r.status()).isEqualTo(201);
        JsonNode ineligible = r.json().get("ineligiblePlans");
        assertThat(ineligible.toString()).contains("odometer 130000 is above the plan's limit of 125000 miles");
        List<String> eligible = new ArrayList<>();
        r.json().get("plans").forEach(p -> eligible.add(p.get("planCode").asText()));
        assertThat(eligible).contains("VSC-36-36-100", "GAP-72", "TW-36").doesNotContain("VSC-60-75-100", "VSC-84-125-0");
    }

    @Test
    void oldVehiclesAndUncoveredMakesAreIneligibleWithReasons() {
        LocalDate sale = Api.today().minusDays(1);
        Api.Response r = api.post("/api/v1/rates", dealer, """
                {"vin":"%s","make":"Ford","modelYear":%d,"odometer":40000,"vehicleInServiceDate":"%s",
                 "saleDate":"%s","customerState":"TX"}""".formatted(TestVins.next(), sale.getYear() - 8, sale.minusYears(8), sale));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String ineligible = r.json().get("ineligiblePlans").toString();
        assertThat(ineligible).contains("vehicle is 8 model years old; plan allows at most 6")
                .contains("make FORD is not covered; plan covers HONDA, ACURA, TOYOTA, LEXUS")
                .contains("amountFinanced and loanTermMonths are needed to rate this plan");
    }

    @Test
    void malformedJsonUnknownFieldWrongTypeAndMediaTypeAreClearProblems() {
        Api.Response malformed = api.post("/api/v1/rates", dealer, "{\"vin\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("type").asText()).endsWith("/malformed-request");

        Api.Response unknown = api.post("/api/v1/contracts", dealer, Api.submission(UUID.randomUUID().toString(), "VSC-60-75-100", deal(), "10.00")
                .replace("\"financed\"", "\"finanzed\":true,\"financed\""));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(errorFor(unknown.json(), "finanzed")).isEqualTo("is not a known field");

        Api.Response wrongType = api.post("/api/v1/contracts", dealer, Api.submission("not-a-uuid", "VSC-60-75-100", deal(), "10.00"));
        assertThat(errorFor(wrongType.json(), "quoteId")).isEqualTo("'not-a-uuid' is not a UUID");

        Api.Response tooManyDecimals = api.post("/api/v1/contracts", dealer, Api.submission(UUID.randomUUID().toString(), "VSC-60-75-100", deal(), "10.005"));
        assertThat(errorFor(tooManyDecimals.json(), "customerPrice")).isEqualTo("must have at most 10 digits before the point and 2 after it");

        Api.Response xml = api.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/rates"))
                .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofString("<rate/>")), dealer);
        assertThat(xml.status()).isEqualTo(415);
        assertThat(xml.json().get("type").asText()).endsWith("/unsupported-media-type");
    }

    @Test
    void payloadTooLargeIsRefusedBeforeParsing() {
        String huge = "{\"make\":\"" + "A".repeat(300 * 1024) + "\"}";
        Api.Response r = api.post("/api/v1/rates", dealer, huge);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().get("type").asText()).endsWith("/payload-too-large");
    }

    @Test
    void submissionRulesEachHaveTheirProblem() {
        String quoteId = quoteIn("TX");
        // financed without lienholder
        Api.Response noLien = api.post("/api/v1/contracts", dealer, Api.submission(quoteId, "VSC-60-75-100", deal(), "2195.00")
                .replace("\"lienholder\":\"Ally Bank\",", ""));
        assertThat(noLien.status()).isEqualTo(400);
        assertThat(errorFor(noLien.json(), "lienholder")).isEqualTo("is required when financed is true");
        // plan not on the quote
        Api.Response notQuoted = api.post("/api/v1/contracts", dealer, Api.submission(quoteId, "NO-SUCH-PLAN", deal(), "2195.00"));
        assertThat(notQuoted.status()).isEqualTo(422);
        assertThat(notQuoted.json().get("type").asText()).endsWith("/plan-not-quoted");
        // unknown quote
        Api.Response unknownQuote = api.post("/api/v1/contracts", dealer, Api.submission(UUID.randomUUID().toString(), "VSC-60-75-100", deal(), "2195.00"));
        assertThat(unknownQuote.status()).isEqualTo(404);
        // another dealer's quote looks exactly like an unknown one
        Api.Response otherDealer = api.post("/api/v1/contracts", DevJwt.dealer("D9999"), Api.submission(quoteId, "VSC-60-75-100", deal(), "2195.00"));
        assertThat(otherDealer.status()).isEqualTo(404);
        assertThat(otherDealer.json().get("detail").asText()).isEqualTo("quote " + quoteId + " was not found");
    }

    @Test
    void expiredQuoteIsRefusedWithTheReason() {
        String quoteId = quoteIn("TX");
        jdbc.sql("UPDATE quote SET expires_at = now() - interval '1 minute' WHERE quote_id = :id")
                .param("id", UUID.fromString(quoteId)).update();
        Api.Response r = api.post("/api/v1/contracts", dealer, Api.submission(quoteId, "VSC-60-75-100", deal(), "2195.00"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("type").asText()).isEqualTo("https://fniexchange.com/problems/quote-expired");
        assertThat(r.json().get("detail").asText()).contains("expired at").contains("request a new rate");
        assertThat(count("SELECT count(*) FROM contract WHERE quote_id = '" + quoteId + "'")).isZero();
    }

    @Test
    void floridaLocksRetailToSuggestedAndNewYorkCapsIt() {
        Api.Response fl = api.post("/api/v1/contracts", dealer, Api.submission(quoteIn("FL"), "VSC-60-75-100", deal(), "2000.00"));
        assertThat(fl.status()).isEqualTo(422);
        assertThat(fl.json().get("type").asText()).endsWith("/retail-price-locked");
        assertThat(fl.json().get("detail").asText()).isEqualTo("FL requires the customer price to equal the suggested retail 2195.00; got 2000.00");
        assertThat(api.post("/api/v1/contracts", dealer, Api.submission(quoteIn("FL"), "VSC-60-75-100", deal(), "2195.00")).status()).isEqualTo(201);

        Api.Response ny = api.post("/api/v1/contracts", dealer, Api.submission(quoteIn("NY"), "VSC-60-75-100", deal(), "2195.01"));
        assertThat(ny.status()).isEqualTo(422);
        assertThat(ny.json().get("rule").asText()).isEqualTo("RETAIL_AT_MOST_SUGGESTED");
        assertThat(api.post("/api/v1/contracts", dealer, Api.submission(quoteIn("NY"), "VSC-60-75-100", deal(), "1995.00")).status()).isEqualTo(201);
    }

    @Test
    void naturalKeyDuplicateNamesTheExistingContractAndVoidFreesIt() {
        String deal = deal();
        Api.Response first = api.post("/api/v1/contracts", dealer, Api.submission(quoteIn("TX"), "VSC-60-75-100", deal, "2195.00"));
        assertThat(first.status()).isEqualTo(201);
        String number = first.json().get("contractNumber").asText();

        Api.Response dup = api.post("/api/v1/contracts", dealer, Api.submission(quoteIn("TX"), "VSC-48-60-100", deal, "1995.00"));
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.json().get("type").asText()).endsWith("/duplicate-contract");
        assertThat(dup.json().get("existingContractNumber").asText()).isEqualTo(number);

        // another product on the same deal is a different contract
        assertThat(api.post("/api/v1/contracts", dealer, Api.submission(quoteIn("TX"), "GAP-72", deal, "695.00")).status()).isEqualTo(201);

        Api.Response voided = api.post("/api/v1/contracts/" + number + "/void", dealer, "{\"reason\":\"wrong plan keyed\"}");
        assertThat(voided.status()).as(voided.body()).isEqualTo(200);
        assertThat(voided.json().get("status").asText()).isEqualTo("VOIDED");
        Api.Response reissued = api.post("/api/v1/contracts", dealer, Api.submission(quoteIn("TX"), "VSC-48-60-100", deal, "1995.00"));
        assertThat(reissued.status()).isEqualTo(201);
    }

    @Test
    void voidRulesWindowClaimsAndState() {
        Api.Response c = api.post("/api/v1/contracts", dealer, Api.submission(quoteIn("TX"), "TW-36", deal(), "499.00"));
        String number = c.json().get("contractNumber").asText();
        jdbc.sql("UPDATE contract SET claim_count = 1 WHERE contract_number = :n").param("n", number).update();
        Api.Response withClaim = api.post("/api/v1/contracts/" + number + "/void", dealer, "{\"reason\":\"x\"}");
        assertThat(withClaim.status()).isEqualTo(409);
        assertThat(withClaim.json().get("type").asText()).endsWith("/contract-has-claims");
        assertThat(withClaim.json().get("claimCount").asInt()).isEqualTo(1);

        jdbc.sql("UPDATE contract SET claim_count = 0, sale_date = sale_date - 40, voidable_until = voidable_until - 40 WHERE contract_number = :n").param("n", number).update();
        Api.Response late = api.post("/api/v1/contracts/" + number + "/void", dealer, "{\"reason\":\"x\"}");
        assertThat(late.status()).isEqualTo(422);
        assertThat(late.json().get("type").asText()).endsWith("/void-window-closed");
        // the window a contract was issued with (voidableUntil, which claims-service keeps claims out of) decides; one
        // issued before it was kept has the configured window
        jdbc.sql("UPDATE contract SET voidable_until = NULL WHERE contract_number = :n").param("n", number).update();
        assertThat(api.post("/api/v1/contracts/" + number + "/void", dealer, "{\"reason\":\"x\"}").json().get("type").asText())
                .endsWith("/void-window-closed");
        assertThat(c.json().get("voidableUntil").asText()).as("issued with sale date + the 30-day window")
                .isEqualTo(java.time.LocalDate.parse(c.json().get("saleDate").asText()).plusDays(30).toString());
        jdbc.sql("UPDATE contract SET voidable_until = :d WHERE contract_number = :n").param("d", Api.today()).param("n", number).update();
        assertThat(api.get("/api/v1/contracts/" + number, dealer).json().get("voidableUntil").asText()).isEqualTo(Api.today().toString());

        Api.Response noReason = api.post("/api/v1/contracts/" + number + "/void", dealer, "{}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(errorFor(noReason.json(), "reason")).isEqualTo("is required and must not be blank");
        assertThat(api.post("/api/v1/contracts/" + number + "/void", dealer, "{\"reason\":\"x\"}").status())
                .as("the window the contract carries decides, whatever the sale date and the setting say").isEqualTo(200);
    }

    @Test
    void dealersSeeOnlyTheirOwnContractsAndTokensAreRequired() {
        Api.Response c = api.post("/api/v1/contracts", dealer, Api.submission(quoteIn("TX"), "APP-60", deal(), "499.00"));
        String number = c.json().get("contractNumber").asText();

        assertThat(api.get("/api/v1/contracts/" + number, dealer).status()).isEqualTo(200);
        Api.Response other = api.get("/api/v1/contracts/" + number, DevJwt.dealer("D9999"));
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.body()).doesNotContain("D2002").doesNotContain("Jane");
        assertThat(api.get("/api/v1/contracts/VSC00000000", dealer).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/contracts/" + number + "/void", DevJwt.dealer("D9999"), "{\"reason\":\"x\"}").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/contracts/" + number, DevJwt.providerAdmin()).status()).isEqualTo(200);

        Api.Response anonymous = api.get("/api/v1/contracts/" + number, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(anonymous.json().get("type").asText()).endsWith("/unauthorized");

        String forged = DevJwt.mint("not-the-secret-but-long-enough-0123456789abcdef", "x", List.of("DEALER"), "D2002",
                Instant.now().plusSeconds(60));
        assertThat(api.get("/api/v1/contracts/" + number, forged).status()).isEqualTo(401);
        String expired = DevJwt.mint("someone", List.of("DEALER"), "D2002", Duration.ofSeconds(-120));
        assertThat(api.get("/api/v1/contracts/" + number, expired).status()).isEqualTo(401);
        String unscoped = DevJwt.mint("someone", List.of("DEALER"), null, Duration.ofMinutes(5));
        Api.Response unscopedResponse = api.get("/api/v1/contracts/" + number, unscoped);
        assertThat(unscopedResponse.status()).isEqualTo(401);
        assertThat(unscopedResponse.json().get("detail").asText()).contains("dealer_code");

        Api.Response dealerApproves = api.post("/api/v1/contracts/" + number + "/approve", dealer, "{}");
        assertThat(dealerApproves.status()).isEqualTo(403);
        assertThat(dealerApproves.json().get("type").asText()).endsWith("/forbidden");
    }

    @Test
    void listingIsDealerScopedFilteredAndKeysetPaginated() {
        String pagingDealer = "P" + (System.nanoTime() % 1_000_000);
        String token = DevJwt.dealer(pagingDealer);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String q = api.post("/api/v1/rates", token, Api.rateRequest(TestVins.next(), "TX")).json().get("quoteId").asText();
            created.add(api.post("/api/v1/contracts", token, Api.submission(q, "TW-60", deal(), "699.00")).json().get("contractNumber").asText());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Api.Response page = api.get("/api/v1/contracts?status=ACTIVE&limit=2" + (cursor == null ? "" : "&cursor=" + cursor), token);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().get("items").forEach(item -> {
                assertThat(item.get("dealerCode").asText()).isEqualTo(pagingDealer);
                seen.add(item.get("contractNumber").asText());
            });
            cursor = page.json().get("nextCursor").isNull() ? null : page.json().get("nextCursor").asText();
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(seen).containsExactlyElementsOf(created);
        assertThat(pages).isEqualTo(3);

        assertThat(api.get("/api/v1/contracts?dealerCode=D2002", token).status()).isEqualTo(400);
        Api.Response tooMany = api.get("/api/v1/contracts?limit=500", token);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(errorFor(tooMany.json(), "limit")).contains("200");
        Api.Response badStatus = api.get("/api/v1/contracts?status=LIVE", token);
        assertThat(errorFor(badStatus.json(), "status")).startsWith("must be one of [SUBMITTED");
        assertThat(api.get("/api/v1/contracts?cursor=garbage", token).status()).isEqualTo(400);
        Api.Response badDealer = api.get("/api/v1/contracts?dealerCode=D-1", DevJwt.providerAdmin());
        assertThat(errorFor(badDealer.json(), "dealerCode")).isEqualTo("dealer code must be 3 to 12 letters or digits, got 'D-1'");
        Api.Response admin = api.get("/api/v1/contracts?dealerCode=" + pagingDealer + "&limit=200", DevJwt.providerAdmin());
        assertThat(admin.json().get("items")).hasSize(5);
    }

    @Test
    void remittanceIsAllOrNothingWithTotals() {
        String a = api.post("/api/v1/contracts", dealer, Api.submission(quoteIn("TX"), "VSC-60-75-100", deal(), "2195.00")).json().get("contractNumber").asText();
        String b = api.post("/api/v1/contracts", dealer, Api.submission(quoteIn("TX"), "GAP-72", deal(), "695.00")).json().get("contractNumber").asText();
        String pending = api.post("/api/v1/contracts", dealer, Api.submission(quoteIn("TX"), "TW-36", deal(), "150.00")).json().get("contractNumber").asText();

        Api.Response refused = api.post("/api/v1/remittances", dealer,
                "{\"contractNumbers\":[\"%s\",\"%s\",\"VSC99999999\"]}".formatted(a, pending));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(errorFields(refused.json())).containsExactly("contractNumbers[1]", "contractNumbers[2]");
        assertThat(errorFor(refused.json(), "contractNumbers[1]")).contains("PENDING_REVIEW");
        assertThat(count("SELECT count(*) FROM contract WHERE remittance_id IS NOT NULL AND contract_number = '" + a + "'")).isZero();
        Api.Response malformed = api.post("/api/v1/remittances", dealer, "{\"contractNumbers\":[\"%s\",\"no such thing\"]}".formatted(a));
        assertThat(malformed.status()).as(malformed.body()).isEqualTo(400);
        assertThat(errorFields(malformed.json())).containsExactly("contractNumbers[1]");

        Api.Response ok = api.post("/api/v1/remittances", dealer, "{\"contractNumbers\":[\"%s\",\"%s\"]}".formatted(a, b));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(ok.json().get("contractCount").asInt()).isEqualTo(2);
        assertThat(ok.json().get("totalDealerCost").decimalValue()).isEqualByComparingTo("1350.00");
        assertThat(ok.body()).contains("\"totalDealerCost\":1350.00");

        Api.Response again = api.post("/api/v1/remittances", dealer, "{\"contractNumbers\":[\"%s\"]}".formatted(a));
        assertThat(errorFor(again.json(), "contractNumbers[0]")).contains("already remitted");
        String id = ok.json().get("remittanceId").asText();
        assertThat(api.get("/api/v1/remittances/" + id, dealer).json().get("contracts")).hasSize(2);
        assertThat(api.get("/api/v1/remittances/" + id, DevJwt.dealer("D9999")).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/contracts/" + a, dealer).json().get("remittance").get("remittanceId").asText()).isEqualTo(id);
    }

    @Test
    void idempotencyKeyReplaysTheFirstResponseAndRefusesADifferentBody() {
        String quoteId = quoteIn("TX");
        String body = Api.submission(quoteId, "VSC-36-36-100", deal(), "1695.00");
        String key = UUID.randomUUID().toString();
        Api.Response first = api.post("/api/v1/contracts", dealer, body, "Idempotency-Key", key);
        Api.Response replay = api.post("/api/v1/contracts", dealer, body, "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(replay.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(replay.header("Location")).isEqualTo(first.header("Location"));
        String number = first.json().get("contractNumber").asText();
        assertThat(count("SELECT count(*) FROM contract WHERE contract_number = '" + number + "'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM outbox_event WHERE aggregate_id = '" + number + "'")).isEqualTo(2);

        Api.Response different = api.post("/api/v1/contracts", dealer, body.replace("1695.00", "1600.00"), "Idempotency-Key", key);
        assertThat(different.status()).isEqualTo(422);
        assertThat(different.json().get("type").asText()).endsWith("/idempotency-key-reused");

        // the key space is the dealer's: another dealer's identical key is unrelated
        Api.Response otherDealer = api.post("/api/v1/rates", DevJwt.dealer("D3003"), Api.rateRequest(TestVins.next(), "TX"), "Idempotency-Key", key);
        assertThat(otherDealer.status()).isEqualTo(201);

        Api.Response badKey = api.post("/api/v1/rates", dealer, Api.rateRequest(TestVins.next(), "TX"), "Idempotency-Key", "has space");
        assertThat(badKey.status()).isEqualTo(400);
        assertThat(errorFor(badKey.json(), "Idempotency-Key")).contains("printable");
    }

    @Test
    void idempotentReplayOfARefusalIsTheSameRefusal() {
        String key = UUID.randomUUID().toString();
        String body = Api.submission(UUID.randomUUID().toString(), "VSC-60-75-100", deal(), "2195.00");
        Api.Response first = api.post("/api/v1/contracts", dealer, body, "Idempotency-Key", key);
        Api.Response replay = api.post("/api/v1/contracts", dealer, body, "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(404);
        assertThat(replay.status()).isEqualTo(404);
        assertThat(replay.json().get("type")).isEqualTo(first.json().get("type"));
        assertThat(replay.header("Idempotency-Replayed")).isEqualTo("true");
    }

    @Test
    void concurrentRetriesWithOneKeyCreateOneContract() throws Exception {
        String body = Api.submission(quoteIn("TX"), "VSC-36-36-100", deal(), "1695.00");
        String key = UUID.randomUUID().toString();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<Api.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(pool.submit(() -> api.post("/api/v1/contracts", dealer, body, "Idempotency-Key", key)));
        }
        List<Api.Response> responses = new ArrayList<>();
        for (var call : calls) {
            responses.add(call.get());
        }
        pool.shutdown();
        // the first runs; the others replay it or are told it is still running, never a second contract
        assertThat(responses).filteredOn(r -> r.status() == 201 && r.header("Idempotency-Replayed") == null).hasSize(1);
        assertThat(responses).allSatisfy(r -> {
            assertThat(r.status()).isIn(201, 409);
            if (r.status() == 409) {
                assertThat(r.json().get("type").asText()).endsWith("/idempotency-request-in-progress");
                assertThat(r.header("Retry-After")).isEqualTo("1");
            }
        });
        String number = responses.stream().filter(r -> r.status() == 201).findFirst().orElseThrow().json().get("contractNumber").asText();
        String dealNumber = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).get("dealNumber").asText();
        assertThat(count("SELECT count(*) FROM contract WHERE deal_number = '" + dealNumber + "'")).isEqualTo(1);
        assertThat(number).isNotBlank();
    }

    @Test
    void aRetryAfterACrashThatFollowedTheCommitReplaysTheOriginalContract() {
        String dealNumber = deal();
        String body = Api.submission(quoteIn("TX"), "TW-60", dealNumber, "699.00");
        String key = "crash-probe-" + dealNumber;
        // a deferred trigger copies the key's row as the contract's transaction commits: exactly
        // what a crash of the instance right after that commit leaves behind
        jdbc.sql("CREATE TABLE IF NOT EXISTS idempotency_key_at_commit (LIKE idempotency_key)").update();
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION capture_idempotency_key_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO idempotency_key_at_commit
                    SELECT * FROM idempotency_key WHERE idem_key = 'crash-probe-' || NEW.deal_number;
                    RETURN NULL;
                END $$""").update();
        jdbc.sql("DROP TRIGGER IF EXISTS capture_idempotency_key_at_commit ON contract").update();
        jdbc.sql("""
                CREATE CONSTRAINT TRIGGER capture_idempotency_key_at_commit AFTER INSERT ON contract
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION capture_idempotency_key_at_commit()""").update();
        Api.Response first;
        try {
            first = api.post("/api/v1/contracts", dealer, body, "Idempotency-Key", key);
        } finally {
            jdbc.sql("DROP TRIGGER IF EXISTS capture_idempotency_key_at_commit ON contract").update();
        }
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String number = first.json().get("contractNumber").asText();

        // the instance dies right after the commit; the retry comes after abandon-after
        jdbc.sql("DELETE FROM idempotency_key WHERE idem_key = :key").param("key", key).update();
        jdbc.sql("INSERT INTO idempotency_key SELECT * FROM idempotency_key_at_commit WHERE idem_key = :key").param("key", key).update();
        jdbc.sql("UPDATE idempotency_key SET created_at = now() - interval '3 minutes' WHERE idem_key = :key").param("key", key).update();
        Api.Response retry = api.post("/api/v1/contracts", dealer, body, "Idempotency-Key", key);

        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(retry.json().get("contractNumber").asText()).isEqualTo(number);
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(count("SELECT count(*) FROM contract WHERE deal_number = '" + dealNumber + "'")).isEqualTo(1);
    }

    @Test
    void aKeyWhoseFirstRequestDiedBeforeCommittingIsFreedAfterTheAbandonTime() {
        String body = Api.submission(quoteIn("TX"), "TW-60", deal(), "699.00");
        String key = UUID.randomUUID().toString();
        // the instance died mid-request three minutes ago: only its claim had committed
        jdbc.sql("""
                INSERT INTO idempotency_key (caller, idem_key, owner, request_hash, created_at, expires_at)
                VALUES ('dealer:D2002', :key, gen_random_uuid(), 'died', now() - interval '3 minutes', now() + interval '1 day')""")
                .param("key", key).update();
        Api.Response retry = api.post("/api/v1/contracts", dealer, body, "Idempotency-Key", key);
        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(retry.header("Idempotency-Replayed")).isNull();

        // a claim that is still fresh is a request still running
        jdbc.sql("UPDATE idempotency_key SET status = NULL, created_at = now() WHERE idem_key = :key").param("key", key).update();
        Api.Response running = api.post("/api/v1/contracts", dealer, body, "Idempotency-Key", key);
        assertThat(running.status()).isEqualTo(409);
        assertThat(running.json().get("type").asText()).endsWith("/idempotency-request-in-progress");
        assertThat(running.header("Retry-After")).isEqualTo("1");
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
