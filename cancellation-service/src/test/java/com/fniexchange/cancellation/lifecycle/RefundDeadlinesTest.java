package com.fniexchange.cancellation.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fniexchange.cancellation.Api;
import com.fniexchange.cancellation.CancellationServiceTest;
import com.fniexchange.cancellation.Streams;
import com.fniexchange.testsupport.DevJwt;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The refund deadline gauges an alert fires on, before and after a state penalty starts. */
@CancellationServiceTest
class RefundDeadlinesTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;

    @Test
    void approvedUnpaidRefundsCountAsDueSoonThenOverdueAndNotOncePaid() {
        Api api = new Api(port);
        LocalDate today = Api.today();
        String number = Streams.activateAndProject(Streams.Sale.vsc("NV", today.minusDays(200)), jdbc);
        String quoteId = api.post("/api/v1/cancellations/quotes", DevJwt.dealer("D1001"),
                "{\"contractNumber\":\"" + number + "\",\"cancelDate\":\"" + today + "\",\"odometer\":40000,\"reason\":\"REPOSSESSION\"}")
                .json().get("quoteId").asText();
        String id = api.post("/api/v1/cancellations", DevJwt.dealer("D1001"),
                "{\"quoteId\":\"" + quoteId + "\",\"reason\":\"REPOSSESSION\"}").json().get("cancellationId").asText();
        double overdue = gauge("fni.refunds.overdue");
        double dueSoon = gauge("fni.refunds.due.soon");

        dueOn(quoteId, today.plusDays(3));
        assertThat(gauge("fni.refunds.due.soon")).as("only approved refunds are owed").isEqualTo(dueSoon);
        assertThat(api.post("/api/v1/cancellations/" + id + "/approve", DevJwt.providerAdmin(), "").status()).isEqualTo(200);
        assertThat(gauge("fni.refunds.due.soon")).isEqualTo(dueSoon + 1);
        assertThat(gauge("fni.refunds.overdue")).isEqualTo(overdue);

        dueOn(quoteId, today.minusDays(1)); // as if the approval were 46 days old
        assertThat(gauge("fni.refunds.overdue")).isEqualTo(overdue + 1);
        assertThat(gauge("fni.refunds.due.soon")).isEqualTo(dueSoon);

        var paid = api.post("/api/v1/cancellations/" + id + "/refund-paid", DevJwt.providerAdmin(),
                "{\"method\":\"ACH\",\"reference\":\"ACH-9\",\"paidDate\":\"" + today + "\"}");
        assertThat(paid.json().at("/payment/paidLate").asBoolean()).isTrue();
        assertThat(gauge("fni.refunds.overdue")).isEqualTo(overdue);

        String scrape = api.get("/actuator/prometheus", DevJwt.ops()).body();
        assertThat(scrape).contains("fni_refunds_overdue{", "fni_refunds_due_soon{");
    }

    void dueOn(String quoteId, LocalDate due) {
        jdbc.sql("UPDATE refund_quote SET refund_due_date = :due WHERE quote_id = :id")
                .param("due", due).param("id", UUID.fromString(quoteId)).update();
    }

    double gauge(String name) {
        return meters.get(name).gauge().value();
    }
}
