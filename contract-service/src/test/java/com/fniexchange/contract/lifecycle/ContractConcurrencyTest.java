package com.fniexchange.contract.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fniexchange.contract.Api;
import com.fniexchange.contract.ContractServiceTest;
import com.fniexchange.contract.DealerPortalTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Submissions of one deal racing each other, as a dealer system's retries and double clicks do. */
@ContractServiceTest
class ContractConcurrencyTest extends DealerPortalTest {

    private static final int RACERS = 6;

    ContractConcurrencyTest() {
        super("D4004");
    }

    @Test
    void parallelSubmissionsOfOneDealGiveOneContractAndDuplicatesNamingIt() throws Exception {
        String deal = deal();
        // half on one quote (same vehicle, so they also contend for the contract number), half on their own
        String shared = quote();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            bodies.add(Api.submission(i % 2 == 0 ? shared : quote(), "VSC-60-75-100", deal, "2195.00"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < RACERS; i++) {
                String body = bodies.get(i);
                // different keys, and some without one: the idempotency filter does not pair them up
                String[] headers = i % 3 == 0 ? new String[0] : new String[] {"Idempotency-Key", UUID.randomUUID().toString()};
                calls.add(pool.submit(() -> {
                    start.await();
                    return api.post("/api/v1/contracts", dealer, body, headers);
                }));
            }
            start.countDown();
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> call : calls) {
                responses.add(call.get(60, TimeUnit.SECONDS));
            }
            List<Api.Response> created = responses.stream().filter(r -> r.status() == 201).toList();
            assertThat(created).as(responses.toString()).hasSize(1);
            String number = created.get(0).json().get("contractNumber").asText();
            List<Api.Response> refused = responses.stream().filter(r -> r.status() != 201).toList();
            assertThat(refused).as(responses.toString()).hasSize(RACERS - 1).allSatisfy(r -> {
                assertThat(r.status()).isEqualTo(409);
                assertThat(r.json().get("type").asText()).isEqualTo("https://fniexchange.com/problems/duplicate-contract");
                assertThat(r.json().get("existingContractNumber").asText()).isEqualTo(number);
                assertThat(r.json().get("detail").asText()).contains(number);
            });
            assertThat(jdbc.sql("SELECT count(*) FROM contract WHERE deal_number = :deal").param("deal", deal)
                    .query(Long.class).single()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
