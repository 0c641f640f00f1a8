package com.fniexchange.export.job;

import static com.fniexchange.export.support.Partner.partner;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fniexchange.model.file.FileLayout;
import com.fniexchange.export.register.Register;
import com.fniexchange.export.support.BatchExportTest;
import com.fniexchange.export.support.CancellationRows;
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
 * The cancellations register: cancellations approved on the date, within the partner's selling
 * dealers, with refund and dealer chargeback totals, reconciled with cancellation.approved.v1
 * matched on the payload's cancellationId. Entitled by selling dealer and by make.
 */
@BatchExportTest
class CancellationsRegisterTest {

    @Autowired PartnerExports exports;

    @Test
    void cancellationsApprovedOnTheDateWithTheirRefundAndChargebackTotals() throws Exception {
        PartnerExport export = exports.onboard(partner("CANCEL-P").dealers("CX1").registers(Register.CANCELLATIONS)
                .layout(FileLayout.PIPE));
        LocalDate date = LocalDate.of(2026, 4, 8);
        UUID a = CancellationRows.cancel(CancellationRows.contract("CX1"), "CX1", ContractRows.during(date, 1), "650.00", "300.00", true);
        UUID b = CancellationRows.cancel(CancellationRows.contract("CX1"), "CX1", ContractRows.during(date, 2), "420.25", "210.10", true);
        UUID notMine = CancellationRows.cancel(CancellationRows.contract("CX2"), "CX2", ContractRows.during(date, 3), "500.00", "250.00", true);
        UUID nextDay = CancellationRows.cancel(CancellationRows.contract("CX1"), "CX1", ContractRows.during(date.plusDays(1), 4), "500.00", "250.00", true);
        UUID requestedOnly = CancellationRows.cancel(CancellationRows.contract("CX1"), "CX1", null, "500.00", "250.00", true);

        JobExecution execution = export.run(date);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<String> lines = export.lines("cancellations_20260408.txt.gz");
        assertThat(lines.get(0)).isEqualTo("H|CANCEL-P|CANCELLATIONS|2026-04-08|CANCEL-P_cancellations_20260408|1");
        assertThat(lines).hasSize(4);
        List<String> expectedOrder = Stream.of(a, b).map(UUID::toString).sorted().toList();
        assertThat(lines.get(1)).startsWith("D|" + expectedOrder.get(0) + "|");
        assertThat(lines.get(2)).startsWith("D|" + expectedOrder.get(1) + "|");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("D|" + a + "|").contains("|CX1|VSC|TX|CUSTOMER_REQUEST|")
                .contains("|1000.00|0.00|50.00|650.00|300.00|CUSTOMER|"));
        String all = String.join("\n", lines);
        for (UUID excluded : List.of(notMine, nextDay, requestedOnly)) {
            assertThat(all).doesNotContain(excluded.toString());
        }
        assertThat(lines.get(3)).isEqualTo("T|2|1070.25|510.10");
        JsonNode report = export.report("cancellations_20260408");
        assertThat(report.get("status").asText()).isEqualTo("MATCHED");
        assertThat(report.get("events").get("count").asLong()).isEqualTo(2);
        assertThat(report.get("events").get("totals").get("refund").asText()).isEqualTo("1070.25");
        assertThat(report.get("events").get("totals").get("dealerChargeback").asText()).isEqualTo("510.10");
        assertThat(report.get("database").get("totals").get("dealerChargeback").asText()).isEqualTo("510.10");

    }

    @Test
    void aPartnerEntitledByMakeReceivesTheCancellationsOfThatMakeOnly() throws Exception {
        // an OEM: every dealer's Subarus, and nothing else
        PartnerExport oem = exports.onboard(partner("CANCEL-MAKE").makes("SUBARU").registers(Register.CANCELLATIONS)
                .layout(FileLayout.PIPE));
        LocalDate date = LocalDate.of(2026, 4, 10);
        UUID subaru = CancellationRows.cancel(CancellationRows.contract("CM1", "Subaru"), "CM1", ContractRows.during(date, 1),
                "650.00", "300.00", true);
        UUID otherDealersSubaru = CancellationRows.cancel(CancellationRows.contract("CM2", "SUBARU"), "CM2",
                ContractRows.during(date, 2), "420.25", "210.10", true);
        UUID honda = CancellationRows.cancel(CancellationRows.contract("CM1", "Honda"), "CM1", ContractRows.during(date, 3),
                "500.00", "250.00", true);
        UUID makeUnknown = CancellationRows.cancel(CancellationRows.contract("CM1", null), "CM1", ContractRows.during(date, 4),
                "500.00", "250.00", true);

        assertThat(oem.run(date).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        String all = String.join("\n", oem.lines("cancellations_20260410.txt.gz"));
        assertThat(all).contains(subaru.toString()).contains(otherDealersSubaru.toString()).contains("T|2|1070.25|510.10");
        assertThat(all).as("another make, and a contract projected before makes were kept (deny by default)")
                .doesNotContain(honda.toString()).doesNotContain(makeUnknown.toString());
        assertThat(oem.report("cancellations_20260410").get("status").asText()).isEqualTo("MATCHED");

        // a contract projected before the projection kept makes gets its make from contract-service's row, by the
        // operator's one-off backfill (deploy/db/backfill-projection-make.sql), and from then on goes to the OEM
        String before = ContractRows.issue("CM3", "Subaru", ContractRows.during(date, 5), "900.00", "500.00", true);
        ContractRows.jdbc().sql("""
                INSERT INTO cancellation.contract_projection (contract_number, dealer_code, product_code, plan_code, sale_date,
                    term_months, term_miles, odometer_at_sale, dealer_cost, customer_price, financed, customer_state, status,
                    status_changed_at, updated_at)
                VALUES (:n, 'CM3', 'VSC', 'VSC-36-36-100', DATE '2025-06-01', 36, 36000, 12000, 500.00, 1000.00, false, 'TX',
                    'ACTIVE', now(), now())""").param("n", before).update();
        // and one the projection already holds a make for, which the backfill leaves as it is
        String known = ContractRows.issue("CM3", "Subaru", ContractRows.during(date, 6), "900.00", "500.00", true);
        ContractRows.jdbc().sql("""
                INSERT INTO cancellation.contract_projection (contract_number, dealer_code, product_code, plan_code, sale_date,
                    term_months, term_miles, odometer_at_sale, dealer_cost, customer_price, financed, customer_state, make, status,
                    status_changed_at, updated_at)
                VALUES (:n, 'CM3', 'VSC', 'VSC-36-36-100', DATE '2025-06-01', 36, 36000, 12000, 500.00, 1000.00, false, 'TX',
                    'HONDA', 'ACTIVE', now(), now())""").param("n", known).update();
        String backfill = java.nio.file.Files.readString(com.fniexchange.testsupport.SourceTree.root()
                .resolve("deploy/db/backfill-projection-make.sql"));
        ContractRows.jdbc().sql(backfill).update();
        ContractRows.jdbc().sql(backfill).update();
        assertThat(ContractRows.jdbc().sql("SELECT make FROM cancellation.contract_projection WHERE contract_number = :n")
                .param("n", before).query(String.class).single()).isEqualToIgnoringCase("Subaru");
        assertThat(ContractRows.jdbc().sql("SELECT make FROM cancellation.contract_projection WHERE contract_number = :n")
                .param("n", known).query(String.class).single()).as("a make already there stays").isEqualTo("HONDA");
        UUID backfilled = CancellationRows.cancel(before, "CM3", ContractRows.during(date, 5), "300.00", "100.00", true);
        PartnerExport oemAgain = exports.onboard(partner("CANCEL-MAKE2").makes("SUBARU").registers(Register.CANCELLATIONS)
                .layout(FileLayout.PIPE));
        assertThat(oemAgain.run(date).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(String.join("\n", oemAgain.lines("cancellations_20260410.txt.gz"))).as("now the OEM's")
                .contains(backfilled.toString()).contains(subaru.toString());

        // dealer and make together: both must match
        PartnerExport dealerAndMake = exports.onboard(partner("CANCEL-BOTH").dealers("CM1").makes("SUBARU")
                .registers(Register.CANCELLATIONS).layout(FileLayout.PIPE));
        assertThat(dealerAndMake.run(date).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        String both = String.join("\n", dealerAndMake.lines("cancellations_20260410.txt.gz"));
        assertThat(both).contains(subaru.toString()).doesNotContain(otherDealersSubaru.toString()).doesNotContain(honda.toString())
                .contains("T|1|650.00|300.00");
    }
}
