package com.fniexchange.cancellation.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fniexchange.cancellation.Api;
import com.fniexchange.cancellation.CancellationServiceTest;
import com.fniexchange.cancellation.Streams;
import com.fniexchange.platform.retention.PurgeTarget;
import com.fniexchange.testsupport.DevJwt;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Expired refund quotes no cancellation used are purged in bounded batches; a used one stays with its cancellation. */
@CancellationServiceTest
class RefundQuoteRetentionTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PurgeTarget refundQuotePurge;

    @Test
    void quotesLongExpiredAndUnusedGoInBatchesAndAQuoteACancellationUsedStays() {
        Api api = new Api(port);
        LocalDate today = Api.today();
        String number = Streams.activateAndProject(Streams.Sale.vsc("TX", today.minusDays(120)), jdbc);
        String forgotten = quote(api, number, today);
        String alsoForgotten = quote(api, number, today);
        String used = quote(api, number, today);
        String fresh = quote(api, number, today);
        assertThat(api.post("/api/v1/cancellations", DevJwt.dealer("D1001"),
                "{\"quoteId\":\"" + used + "\",\"reason\":\"CUSTOMER_REQUEST\"}").status()).isEqualTo(201);
        for (String old : new String[] {forgotten, alsoForgotten, used}) {
            jdbc.sql("UPDATE refund_quote SET valid_until = now() - interval '91 days' WHERE quote_id = :id")
                    .param("id", UUID.fromString(old)).update();
        }

        // the service's target, as the platform's purge runs it, one row per statement
        Instant cutoff = refundQuotePurge.cutoff().apply(Instant.now());
        assertThat(cutoff).isBefore(Instant.now().minus(Duration.ofDays(89)));
        int purged = 0;
        int batch;
        do {
            batch = refundQuotePurge.deleteBatch(jdbc, cutoff, 1);
            purged += batch;
        } while (batch == 1);

        assertThat(purged).isGreaterThanOrEqualTo(2);
        assertThat(exists(forgotten)).isFalse();
        assertThat(exists(alsoForgotten)).isFalse();
        assertThat(exists(used)).as("a cancellation's quote is kept with it").isTrue();
        assertThat(exists(fresh)).isTrue();
        assertThat(refundQuotePurge.deleteBatch(jdbc, cutoff, 1000)).isZero();
    }

    private static String quote(Api api, String number, LocalDate today) {
        return api.post("/api/v1/cancellations/quotes", DevJwt.dealer("D1001"),
                "{\"contractNumber\":\"" + number + "\",\"cancelDate\":\"" + today + "\",\"odometer\":30000,\"reason\":\"CUSTOMER_REQUEST\"}")
                .json().get("quoteId").asText();
    }

    private boolean exists(String quoteId) {
        return jdbc.sql("SELECT count(*) FROM refund_quote WHERE quote_id = :id").param("id", UUID.fromString(quoteId))
                .query(Long.class).single() == 1;
    }
}
