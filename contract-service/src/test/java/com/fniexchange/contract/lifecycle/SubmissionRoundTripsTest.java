package com.fniexchange.contract.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fniexchange.contract.Api;
import com.fniexchange.contract.ContractServiceTest;
import com.fniexchange.contract.DealerPortalTest;
import com.fniexchange.contract.DatabaseRoundTrips;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A submission's cost in database round trips, and that the answer built from what was written
 * is exactly what is stored. The round-trip budget is the performance issue's; going over it
 * means a statement crept back into the hot path.
 */
@ContractServiceTest
class SubmissionRoundTripsTest extends DealerPortalTest {

    /** Read the quote and its plan, take the number, insert the contract, its history, its events; commit. */
    static final int BUDGET = 7;

    SubmissionRoundTripsTest() {
        super("D7007");
    }

    @Test
    void anAutoApprovedSubmissionTakesAtMostSevenRoundTripsAndAnswersWhatIsStored() {
        submitMeasured("VSC-60-75-100", "2195.00", "ACTIVE");
    }

    @Test
    void aSubmissionForReviewTakesAtMostSevenRoundTripsAndAnswersWhatIsStored() {
        // below the dealer cost: PENDING_REVIEW with its reason
        submitMeasured("VSC-60-75-100", "1000.00", "PENDING_REVIEW");
    }

    private void submitMeasured(String plan, String price, String expectedStatus) {
        String quote = quote();
        // the catalog is read once per instance; a first submission pays for it, not this one
        api.post("/api/v1/contracts", dealer, Api.submission(quote(), plan, "WARM-" + UUID.randomUUID(), price));
        DatabaseRoundTrips.reset();
        Api.Response submitted = api.post("/api/v1/contracts", dealer,
                Api.submission(quote, plan, "RT-" + UUID.randomUUID().toString().substring(0, 8), price));
        int roundTrips = DatabaseRoundTrips.onRequestThreads();
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        assertThat(submitted.json().get("status").asText()).isEqualTo(expectedStatus);
        System.out.printf("submission (%s): %d database round trips%n", expectedStatus, roundTrips);
        assertThat(roundTrips).as("database round trips of one submission").isBetween(1, BUDGET);

        JsonNode answered = submitted.json();
        JsonNode stored = api.get("/api/v1/contracts/" + answered.get("contractNumber").asText(), dealer).json();
        assertThat(answered).as("the answer is what a read returns").isEqualTo(stored);
        assertThat(answered.get("history")).hasSize(2);
    }
}
