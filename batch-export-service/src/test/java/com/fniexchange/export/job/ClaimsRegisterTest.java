package com.fniexchange.export.job;

import static com.fniexchange.export.support.Partner.partner;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fniexchange.model.file.FileLayout;
import com.fniexchange.export.register.Register;
import com.fniexchange.export.support.BatchExportTest;
import com.fniexchange.export.support.ClaimRows;
import com.fniexchange.export.support.ContractRows;
import com.fniexchange.export.support.PartnerExport;
import com.fniexchange.export.support.PartnerExports;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The claims register: claims paid on the date, within the partner's selling dealers and makes,
 * reconciled with claim.paid.v1 matched on the payload's claimId (claim events are keyed by
 * contract number: two claims of one contract are two keys).
 */
@BatchExportTest
class ClaimsRegisterTest {

    @Autowired PartnerExports exports;

    @Test
    void claimsPaidOnTheDateWithinDealerAndMakeWithTheirTotals() throws Exception {
        PartnerExport export = exports.onboard(partner("CLAIM-P").dealers("CL1").makes("HONDA").registers(Register.CLAIMS_REGISTER)
                .layout(FileLayout.PIPE));
        LocalDate date = LocalDate.of(2026, 4, 7);
        String honda = ClaimRows.coverage("CL1", "HONDA");
        String honda2 = ClaimRows.coverage("CL1", "HONDA");
        String toyota = ClaimRows.coverage("CL1", "TOYOTA");
        String otherDealer = ClaimRows.coverage("CL2", "HONDA");
        // two claims of one contract: the same aggregate id, told apart by claimId
        UUID a = paid(honda, "CL1", date, 1, "412.50");
        UUID b = paid(honda, "CL1", date, 2, "1200.00");
        UUID c = paid(honda2, "CL1", date, 3, "88.15");
        UUID otherMake = paid(toyota, "CL1", date, 4, "500.00");
        UUID notMine = paid(otherDealer, "CL2", date, 5, "700.00");
        UUID nextDay = paid(honda2, "CL1", date.plusDays(1), 6, "900.00");
        UUID stillOpen = ClaimRows.open(honda2, "CL1", ContractRows.during(date, 7));

        JobExecution execution = export.run(date);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<String> lines = export.lines("claims_20260407.txt.gz");
        assertThat(lines.get(0)).isEqualTo("H|CLAIM-P|CLAIMS_REGISTER|2026-04-07|CLAIM-P_claims_20260407|1");
        assertThat(lines).hasSize(5);
        List<String> expectedOrder = Stream.of(a, b, c).map(UUID::toString).sorted().toList();
        for (int i = 0; i < 3; i++) {
            assertThat(lines.get(1 + i)).startsWith("D|" + expectedOrder.get(i) + "|");
        }
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("D|" + a + "|").contains("|" + honda + "|CL1|HONDA|VSC|")
                .endsWith("|2026-04-07|412.50"));
        String all = String.join("\n", lines);
        for (UUID excluded : List.of(otherMake, notMine, nextDay, stillOpen)) {
            assertThat(all).doesNotContain(excluded.toString());
        }
        assertThat(lines.get(4)).isEqualTo("T|3|1700.65");
        JsonNode report = export.report("claims_20260407");
        assertThat(report.get("status").asText()).isEqualTo("MATCHED");
        assertThat(report.get("database").get("count").asLong()).isEqualTo(3);
        assertThat(report.get("events").get("count").asLong()).isEqualTo(3);
        assertThat(report.get("events").get("totals").get("paidAmount").asText()).isEqualTo("1700.65");
        assertThat(report.get("fileTrailer").get("totals").get("paidAmount").asText()).isEqualTo("1700.65");
    }

    @Test
    void aPaidClaimWhoseEventWasNeverPublishedIsAMismatchNamingTheClaim() throws Exception {
        PartnerExport export = exports.onboard(partner("CLAIM-MISS").dealers("CL3").registers(Register.CLAIMS_REGISTER));
        LocalDate date = LocalDate.of(2026, 4, 9);
        String contract = ClaimRows.coverage("CL3", "FORD");
        paid(contract, "CL3", date, 1, "100.00");
        // a second claim on the same contract, paid without its event: the contract's other event must not cover it
        UUID silent = ClaimRows.open(contract, "CL3", ContractRows.during(date, 2));
        ClaimRows.pay(silent, contract, "CL3", ContractRows.during(date, 3), "250.00", false);

        JobExecution execution = export.run(date);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(execution.getExitStatus().getExitCode()).isEqualTo(PartnerExportJob.RECONCILIATION_MISMATCH);
        JsonNode report = export.report("claims_20260409");
        assertThat(report.get("status").asText()).isEqualTo("MISMATCHED");
        assertThat(report.get("differences").get("withoutPublishedEvent").get("keys")).extracting(JsonNode::asText)
                .containsExactly(silent.toString());
        assertThat(report.get("differences").size()).isEqualTo(1);
        assertThat(report.get("database").get("count").asLong()).isEqualTo(2);
        assertThat(report.get("events").get("count").asLong()).isEqualTo(1);
        assertThat(report.get("fileTrailer").get("totals").get("paidAmount").asText()).isEqualTo("350.00");
    }

    private static UUID paid(String contract, String dealer, LocalDate day, int second, String amount) {
        UUID claim = ClaimRows.open(contract, dealer, ContractRows.during(day, second).minusSeconds(7200));
        ClaimRows.pay(claim, contract, dealer, ContractRows.during(day, second), amount, true);
        return claim;
    }
}
