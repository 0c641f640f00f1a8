package com.fniexchange.contract.rating;

import static org.assertj.core.api.Assertions.assertThat;

import com.fniexchange.contract.Api;
import com.fniexchange.contract.ContractServiceTest;
import com.fniexchange.testsupport.DevJwt;
import com.fniexchange.testsupport.TestVins;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ContractServiceTest
class QuoteHousekeepingTest {

    @LocalServerPort
    int port;
    @Autowired
    QuoteHousekeeping housekeeping;
    @Autowired
    JdbcClient jdbc;

    @Test
    void oldUncontractedQuotesGoAndContractedOrRecentOnesStay() {
        Api api = new Api(port);
        String dealer = DevJwt.dealer("D5005");
        String old = api.post("/api/v1/rates", dealer, Api.rateRequest(TestVins.next(), "TX")).json().get("quoteId").asText();
        String contracted = api.post("/api/v1/rates", dealer, Api.rateRequest(TestVins.next(), "TX")).json().get("quoteId").asText();
        String recent = api.post("/api/v1/rates", dealer, Api.rateRequest(TestVins.next(), "TX")).json().get("quoteId").asText();
        assertThat(api.post("/api/v1/contracts", dealer, Api.submission(contracted, "TW-36", "HK-" + UUID.randomUUID().toString().substring(0, 8), "499.00"))
                .status()).isEqualTo(201);
        jdbc.sql("UPDATE quote SET expires_at = now() - interval '91 days' WHERE quote_id IN (:ids)")
                .param("ids", java.util.List.of(UUID.fromString(old), UUID.fromString(contracted))).update();

        assertThat(housekeeping.purgeUncontractedQuotes()).isGreaterThanOrEqualTo(1);

        assertThat(exists(old)).isFalse();
        assertThat(exists(contracted)).isTrue();
        assertThat(exists(recent)).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM quote_plan WHERE quote_id = :id").param("id", UUID.fromString(old))
                .query(Long.class).single()).isZero();
    }

    private boolean exists(String quoteId) {
        return jdbc.sql("SELECT count(*) FROM quote WHERE quote_id = :id").param("id", UUID.fromString(quoteId))
                .query(Long.class).single() == 1;
    }
}
