package com.fniexchange.export.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fniexchange.export.file.FileLayout;
import com.fniexchange.export.ops.ExportLauncher;
import com.fniexchange.export.partner.PartnerOnboarding;
import com.fniexchange.export.register.Register;
import com.fniexchange.export.support.BatchExportTest;
import com.fniexchange.export.support.ContractRows;
import com.fniexchange.export.support.Fixtures;
import java.nio.file.Files;
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

    @Autowired PartnerOnboarding registry;
    @Autowired ExportLauncher runs;

    @Test
    void contractsRemittedOnTheDateWithTheirDealerCostAndTotals() throws Exception {
        String partner = "REMIT-P";
        LocalDate issued = LocalDate.of(2026, 3, 11);
        LocalDate remittedOn = issued.plusDays(1);
        registry.save(partner, Fixtures.settings(partner, List.of("RM1"), List.of(),
                List.of(Register.CONTRACT_REGISTER, Register.REMITTANCE), FileLayout.PIPE, null), "test");
        String a = ContractRows.issue("RM1", "Honda", ContractRows.during(issued, 1), "1695.00", "850.00", true);
        String b = ContractRows.issue("RM1", "Honda", ContractRows.during(issued, 2), "2195.00", "1100.00", true);
        String notYet = ContractRows.issue("RM1", "Honda", ContractRows.during(issued, 3), "1695.00", "850.00", true);
        UUID ra = ContractRows.remit(a, "RM1", ContractRows.during(remittedOn, 5), "850.00", true);
        ContractRows.remit(b, "RM1", ContractRows.during(remittedOn, 6), "1100.00", true);

        JobExecution execution = runs.run(Register.REMITTANCE, partner, remittedOn);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<String> lines = Fixtures.gunzip(Files.readAllBytes(Fixtures.outbound(partner).resolve(partner + "_remittance_20260312.txt.gz")))
                .lines().toList();
        assertThat(lines.get(0)).isEqualTo("H|REMIT-P|REMITTANCE|2026-03-12|REMIT-P_remittance_20260312|1");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1 + (a.compareTo(b) < 0 ? 0 : 1))).startsWith("D|" + a + "|").contains("|" + ra + "|RM1|HONDA|VSC|850.00");
        assertThat(String.join("\n", lines)).doesNotContain(notYet);
        assertThat(lines.get(3)).isEqualTo("T|2|1950.00");
        JsonNode report = new ObjectMapper().readTree(Files.readAllBytes(
                Fixtures.outbound(partner).resolve(partner + "_remittance_20260312.reconciliation.json")));
        assertThat(report.get("status").asText()).isEqualTo("MATCHED");
        assertThat(report.get("events").get("totals").get("dealerCost").asText()).isEqualTo("1950.00");
    }
}
