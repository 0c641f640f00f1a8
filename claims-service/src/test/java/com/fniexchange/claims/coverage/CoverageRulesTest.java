package com.fniexchange.claims.coverage;

import static com.fniexchange.claims.Claims.ADJUSTER;
import static com.fniexchange.claims.Claims.FACILITY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fniexchange.claims.Claims;
import com.fniexchange.claims.ClaimDeskTest;
import com.fniexchange.claims.ClaimsServiceTest;
import com.fniexchange.claims.ContractFeed;
import com.fniexchange.claims.Http;
import com.fniexchange.model.Money;
import com.fniexchange.model.event.contract.ContractCancelled;
import com.fniexchange.model.event.contract.ContractPendingReview;
import com.fniexchange.model.event.contract.ContractSubmitted;
import com.fniexchange.model.event.contract.ContractVoided;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Each coverage rule refuses with its own problem type and the numbers involved, on contracts fed
 * through contract-events; and a claim stays unwritten when refused.
 */
@ClaimsServiceTest
class CoverageRulesTest extends ClaimDeskTest {

    final LocalDate today = ContractFeed.today();

    private Http.Response open(ContractSubmitted c, LocalDate repairDate, int odometer) {
        return http.post("/api/v1/claims", FACILITY, Claims.open(c.contractNumber().value(), repairDate, odometer));
    }

    private int claimsOn(ContractSubmitted c) {
        return jdbc.sql("SELECT count(*) FROM claim WHERE contract_number = :n").param("n", c.contractNumber().value())
                .query(Integer.class).single();
    }

    @Test
    void theContractMustBeActiveOnTheRepairDate() {
        ContractSubmitted pending = ContractFeed.vsc(today.minusDays(40), 24_500, Money.of("15000.00"));
        ContractFeed.publish(pending);
        ContractFeed.publish(new ContractPendingReview(pending.contractNumber(), pending.dealerCode(), List.of("late"), pending.occurredAt()));
        feed.awaitStatus(pending.contractNumber(), "PENDING_REVIEW");
        Http.Response refused = open(pending, today, 30_000);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.headers().get("content-type")).startsWith("application/problem+json");
        assertThat(refused.problemType()).isEqualTo("contract-not-active");
        assertThat(refused.json().get("contractStatus").asText()).isEqualTo("PENDING_REVIEW");
        assertThat(claimsOn(pending)).isZero();

        ContractSubmitted voided = feed.activeContract(40);
        ContractFeed.publish(new ContractVoided(voided.contractNumber(), voided.dealerCode(), "unwound", "dealer:D1001", Instant.now()));
        feed.awaitStatus(voided.contractNumber(), "VOIDED");
        assertThat(open(voided, today, 30_000).json().get("contractStatus").asText()).isEqualTo("VOIDED");
    }

    @Test
    void aCancelledContractCoversRepairsUpToItsCancelDateAndNoneAfter() {
        ContractSubmitted contract = feed.activeContract(50);
        LocalDate cancelDate = today.minusDays(5);
        ContractFeed.publish(new ContractCancelled(contract.contractNumber(), contract.dealerCode(), UUID.randomUUID(), cancelDate,
                "EARLY_PAYOFF", Instant.now().truncatedTo(ChronoUnit.MICROS)));
        feed.awaitStatus(contract.contractNumber(), "CANCELLED");

        Http.Response after = open(contract, today, 30_000);
        assertThat(after.status()).isEqualTo(422);
        assertThat(after.problemType()).isEqualTo("contract-not-active");
        assertThat(after.json().get("cancelDate").asText()).isEqualTo(cancelDate.toString());
        assertThat(after.json().get("detail").asText()).contains("cancelled on " + cancelDate);

        Http.Response before = open(contract, cancelDate, 30_000);
        assertThat(before.status()).as(before.body()).isEqualTo(201);
        assertThat(before.json().get("coverage").get("cancelDate").asText()).isEqualTo(cancelDate.toString());
    }

    @Test
    void theRepairMustBeWithinTheTermMonthsAndMiles() {
        // sold 61 months ago: the 60-month term ended a month ago (the projection takes it as the events say)
        ContractSubmitted old = feed.activeContract(ContractFeed.vsc(today.minusMonths(61), 24_500, Money.of("15000.00")));
        Http.Response late = open(old, today, 30_000);
        assertThat(late.status()).isEqualTo(422);
        assertThat(late.problemType()).isEqualTo("outside-term");
        assertThat(late.json().get("coverageEndsOn").asText()).isEqualTo(today.minusMonths(61).plusMonths(60).toString());
        assertThat(late.json().get("termMonths").asInt()).isEqualTo(60);

        ContractSubmitted contract = feed.activeContract(40);
        Http.Response far = open(contract, today, 24_500 + 75_001);
        assertThat(far.status()).isEqualTo(422);
        assertThat(far.problemType()).isEqualTo("outside-term");
        assertThat(far.json().get("coverageEndsAtOdometer").asInt()).isEqualTo(99_500);
        assertThat(far.json().get("odometer").asInt()).isEqualTo(99_501);
        assertThat(open(contract, today, 99_500).status()).isEqualTo(201);
    }

    @Test
    void theWaitingPeriodOfThirtyDaysAndAThousandMilesMustHavePassed() {
        ContractSubmitted recent = feed.activeContract(10);
        Http.Response days = open(recent, today, 30_000);
        assertThat(days.status()).isEqualTo(422);
        assertThat(days.problemType()).isEqualTo("waiting-period");
        assertThat(days.json().get("waitingPeriodEndsOn").asText()).isEqualTo(today.minusDays(10).plusDays(30).toString());

        ContractSubmitted contract = feed.activeContract(40);
        Http.Response miles = open(contract, today, 25_499);
        assertThat(miles.status()).isEqualTo(422);
        assertThat(miles.problemType()).isEqualTo("waiting-period");
        assertThat(miles.json().get("waitingPeriodEndsAtOdometer").asInt()).isEqualTo(25_500);
        assertThat(open(contract, today, 25_500).status()).isEqualTo(201);
        assertThat(open(contract, today.minusDays(11), 25_500).problemType()).isEqualTo("waiting-period");
    }

    @Test
    void noClaimIsOpenedWhileTheContractCanBeVoidedNorTheDayAfter() {
        // a submission from before voidableUntil was carried: contract-service's window, 30 days, is assumed
        ContractSubmitted lastMarginDay = feed.activeContract(31);
        Http.Response refused = open(lastMarginDay, today.minusDays(1), 30_000);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.problemType()).isEqualTo("contract-still-voidable");
        assertThat(refused.json().get("voidableUntil").asText()).isEqualTo(today.minusDays(1).toString());
        assertThat(refused.json().get("claimsAcceptedFrom").asText()).isEqualTo(today.plusDays(1).toString());
        assertThat(claimsOn(lastMarginDay)).isZero();
        assertThat(open(feed.activeContract(32), today.minusDays(2), 30_000).status()).as("from the day after next").isEqualTo(201);

        // the window contract-service issued the contract with, carried on its submission, wins over the assumed one
        ContractSubmitted base = ContractFeed.vsc(today.minusDays(40), 24_500, Money.of("15000.00"));
        ContractSubmitted longWindow = feed.activeContract(new ContractSubmitted(base.contractNumber(), base.dealerCode(),
                base.dealNumber(), base.productCode(), base.planCode(), base.quoteId(), base.vin(), base.odometer(),
                base.vehicleInServiceDate(), base.saleDate(), base.termMonths(), base.termMiles(), base.deductible(), base.dealerCost(),
                base.customerPrice(), base.financed(), base.lienholder(), base.customerState(), base.make(), base.limitOfLiability(),
                null, today, base.occurredAt()));
        Http.Response stillVoidable = open(longWindow, today, 30_000);
        assertThat(stillVoidable.problemType()).isEqualTo("contract-still-voidable");
        assertThat(stillVoidable.json().get("claimsAcceptedFrom").asText()).isEqualTo(today.plusDays(2).toString());
    }

    @Test
    void authorisationChecksCoverageAgain() {
        ContractSubmitted contract = feed.activeContract(50);
        String id = open(contract, today, 30_000).json().get("claimId").asText();
        http.post("/api/v1/claims/" + id + "/estimate", FACILITY, Claims.lines("1412.35"));
        ContractFeed.publish(new ContractCancelled(contract.contractNumber(), contract.dealerCode(), UUID.randomUUID(),
                today.minusDays(1), "CUSTOMER_REQUEST", Instant.now().truncatedTo(ChronoUnit.MICROS)));
        feed.awaitStatus(contract.contractNumber(), "CANCELLED");
        Http.Response refused = http.post("/api/v1/claims/" + id + "/authorize", ADJUSTER, "{}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.problemType()).isEqualTo("contract-not-active");
        assertThat(refused.json().get("cancelDate").asText()).isEqualTo(today.minusDays(1).toString());
    }

    @Test
    void anEstimateAboveTheThresholdNeedsAnAdjusterAndOneAtItIsAuthorised() {
        ContractSubmitted contract = feed.activeContract(40);
        // 657.00 + 348.00 + 95.00 = 1100.00, less 100.00 = 1000.00: at the threshold
        String atThreshold = open(contract, today, 30_000).json().get("claimId").asText();
        assertThat(http.post("/api/v1/claims/" + atThreshold + "/estimate", FACILITY, Claims.lines("657.00")).json()
                .get("status").asText()).isEqualTo("AUTHORIZED");
        // 757.01 + 348.00 + 95.00 - 100.00 = 1100.01: above
        String above = open(contract, today, 30_000).json().get("claimId").asText();
        var e = http.post("/api/v1/claims/" + above + "/estimate", FACILITY, Claims.lines("757.01")).json();
        assertThat(e.get("status").asText()).isEqualTo("ESTIMATE_SUBMITTED");
        assertThat(e.get("adjusterReason").asText()).isEqualTo("estimate total 1100.01 is above the auto-authorisation threshold 1000.00");
    }
}
