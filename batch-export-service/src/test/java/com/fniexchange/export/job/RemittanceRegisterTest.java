package com.fniexchange.export.job;

import static com.fniexchange.export.support.Partner.partner;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fniexchange.model.file.FileLayout;
import com.fniexchange.export.register.Register;
import com.fniexchange.export.support.BatchExportTest;
import com.fniexchange.export.support.ContractRows;
import com.fniexchange.export.support.PartnerExport;
import com.fniexchange.export.support.PartnerExports;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;

/** The remittance register: contracts remitted on the date, dealer cost due, reconciled with contract.remitted.v1. */
@BatchExportTest
class RemittanceRegisterTest {

    @Autowired PartnerExports exports;

    @Test
    void contractsRemittedOnTheDateWithTheirDealerCostAndTotals() throws Exception {
        PartnerExport export = exports.onboard(partner("REMIT-P").dealers("RM1").registers(Register.CONTRACT_REGISTER, Register.REMITTANCE)
                .layout(FileLayout.PIPE));
        LocalDate issued = LocalDate.of(2026, 3, 11);
        LocalDate remittedOn = issued.plusDays(1);
        String a = ContractRows.issue("RM1", "Honda", ContractRows.during(issued, 1), "1695.00", "850.00", true);
        String b = ContractRows.issue("RM1", "Honda", ContractRows.during(issued, 2), "2195.00", "1100.00", true);
        String notYet = ContractRows.issue("RM1", "Honda", ContractRows.during(issued, 3), "1695.00", "850.00", true);
        UUID ra = ContractRows.remit(a, "RM1", ContractRows.during(remittedOn, 5), "850.00", true);
        ContractRows.remit(b, "RM1", ContractRows.during(remittedOn, 6), "1100.00", true);

        JobExecution execution = export.run(Register.REMITTANCE, remittedOn);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<String> lines = export.lines("remittance_20260312.txt.gz");
        assertThat(lines.get(0)).isEqualTo("H|REMIT-P|REMITTANCE|2026-03-12|REMIT-P_remittance_20260312|1");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1 + (a.compareTo(b) < 0 ? 0 : 1))).startsWith("D|" + a + "|").contains("|" + ra + "|RM1|HONDA|VSC|850.00");
        assertThat(String.join("\n", lines)).doesNotContain(notYet);
        assertThat(lines.get(3)).isEqualTo("T|2|1950.00");
        JsonNode report = export.report("remittance_20260312");
        assertThat(report.get("status").asText()).isEqualTo("MATCHED");
        assertThat(report.get("events").get("totals").get("dealerCost").asText()).isEqualTo("1950.00");
    }
}
