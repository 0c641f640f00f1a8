package com.fniexchange.export.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fniexchange.export.job.ExportMetrics;
import com.fniexchange.model.file.FileLayout;
import com.fniexchange.export.partner.PartnerOnboarding;
import com.fniexchange.export.register.Register;
import com.fniexchange.export.support.BatchExportTest;
import com.fniexchange.export.support.ContractRows;
import com.fniexchange.export.support.Fixtures;
import com.fniexchange.export.support.OpsApi;
import com.fniexchange.testsupport.DevJwt;
import com.fniexchange.testsupport.MonitoringRules;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A partner's schedule exports yesterday under a ShedLock lock on PostgreSQL: two instances
 * firing at once run it once; the last-success gauge moves and is scraped.
 */
@BatchExportTest
class PartnerSchedulesTest {

    @Autowired PartnerOnboarding registry;
    @Autowired PartnerSchedules schedules;
    @Autowired MeterRegistry meters;
    @LocalServerPort int port;

    @Test
    void oneFiringAcrossInstancesExportsYesterdayAndMovesTheGauge() throws Exception {
        String partner = "SCHED-P";
        LocalDate yesterday = LocalDate.now(ContractRows.ZONE).minusDays(1);
        registry.save(partner, Fixtures.settings(partner, List.of("SC1"), List.of(), List.of(Register.CONTRACT_REGISTER),
                FileLayout.CSV, null), "test");
        ContractRows.issue("SC1", "Honda", yesterday.atTime(10, 0).atZone(ContractRows.ZONE).toInstant(), "1695.00", "850.00", true);
        assertThat(gauge(partner)).isZero();
        long before = Instant.now().getEpochSecond();

        ExecutorService twoInstances = Executors.newFixedThreadPool(2);
        Callable<Boolean> fire = () -> schedules.fire(partner);
        List<Future<Boolean>> fired = twoInstances.invokeAll(List.of(fire, fire));
        twoInstances.shutdown();

        assertThat(fired.stream().map(f -> {
            try {
                return f.get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).containsExactlyInAnyOrder(true, false);
        assertThat(schedules.fire(partner)).as("locked at least a minute after a run").isFalse();
        assertThat(ContractRows.jdbc().sql("""
                SELECT count(*) FROM batch_export.batch_job_execution_params
                WHERE parameter_name = 'partnerId' AND parameter_value = :p""").param("p", partner).query(Long.class).single())
                .isEqualTo(1);
        assertThat(Fixtures.sftpNames(partner)).contains(partner + "_contracts_" + yesterday.toString().replace("-", "") + ".csv.gz");
        assertThat(gauge(partner)).isGreaterThanOrEqualTo(before);

        String scrape = new OpsApi(port).get("/actuator/prometheus", DevJwt.ops()).body();
        assertThat(scrape).contains("fni_export_last_success_seconds{").contains("partner=\"" + partner + "\"")
                .contains("spring_batch_job_seconds_count");
        // the shipped alerts and dashboard (deploy/monitoring) query what this service really exposes
        assertThat(MonitoringRules.shipped().missingFromScrapeOf("batch-export-service", scrape)).isEmpty();
    }

    private double gauge(String partner) {
        var g = meters.find(ExportMetrics.LAST_SUCCESS).tag("partner", partner).tag("register", "CONTRACT_REGISTER").gauge();
        return g == null ? 0 : g.value();
    }
}
