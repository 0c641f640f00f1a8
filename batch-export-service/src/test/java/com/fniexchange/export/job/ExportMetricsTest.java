package com.fniexchange.export.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fniexchange.model.file.FileLayout;
import com.fniexchange.export.partner.PartnerOnboarding;
import com.fniexchange.export.register.Register;
import com.fniexchange.export.support.BatchExportTest;
import com.fniexchange.export.support.Fixtures;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The alerting meters follow a partner's settings: every register it receives has its
 * last-success gauge and its failure and mismatch counters at 0 from the start (an alert on
 * increase() sees the first one), and a register it no longer receives has none (no alert on a
 * file nobody expects).
 */
@BatchExportTest
class ExportMetricsTest {

    private static final String PARTNER = "METRICS-P";

    @Autowired PartnerOnboarding registry;
    @Autowired MeterRegistry meters;

    @Test
    void metersFollowTheRegistersAPartnerReceives() {
        registry.save(PARTNER, Fixtures.settings(PARTNER, List.of("M100"), List.of(), List.of(Register.CONTRACT_REGISTER),
                FileLayout.CSV, null), "test");
        assertThat(count(ExportMetrics.LAST_SUCCESS, Register.CONTRACT_REGISTER)).isEqualTo(1);
        assertThat(meters.get(ExportMetrics.FAILURES).tag("partner", PARTNER).tag("register", "CONTRACT_REGISTER").counter().count())
                .isZero();
        assertThat(meters.get(ExportMetrics.MISMATCHES).tag("partner", PARTNER).tag("register", "CONTRACT_REGISTER").counter().count())
                .isZero();

        registry.save(PARTNER, Fixtures.settings(PARTNER, List.of("M100"), List.of(), List.of(Register.CLAIMS_REGISTER),
                FileLayout.CSV, null), "test");
        assertThat(count(ExportMetrics.LAST_SUCCESS, Register.CONTRACT_REGISTER)).isZero();
        assertThat(count(ExportMetrics.FAILURES, Register.CONTRACT_REGISTER)).isZero();
        assertThat(count(ExportMetrics.MISMATCHES, Register.CONTRACT_REGISTER)).isZero();
        assertThat(count(ExportMetrics.LAST_SUCCESS, Register.CLAIMS_REGISTER)).isEqualTo(1);
    }

    private int count(String meter, Register register) {
        return meters.find(meter).tag("partner", PARTNER).tag("register", register.name()).meters().size();
    }
}
