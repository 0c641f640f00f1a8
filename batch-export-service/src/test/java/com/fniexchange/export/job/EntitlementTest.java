package com.fniexchange.export.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fniexchange.model.file.FileLayout;
import com.fniexchange.export.ops.ExportLauncher;
import com.fniexchange.export.partner.PartnerOnboarding;
import com.fniexchange.export.register.Register;
import com.fniexchange.export.register.RegisterFileFormat;
import com.fniexchange.export.support.BatchExportTest;
import com.fniexchange.export.support.ContractRows;
import com.fniexchange.export.support.Fixtures;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;

/** A partner never receives rows outside its dealers or makes, whatever the layout. */
@BatchExportTest
class EntitlementTest {

    private static final LocalDate DATE = LocalDate.of(2026, 3, 7);

    @Autowired PartnerOnboarding registry;
    @Autowired ExportLauncher runs;

    @Test
    void eachPartnerReceivesExactlyItsDealersAndMakes() throws Exception {
        List<String> e1Honda = new ArrayList<>();
        List<String> e1Toyota = new ArrayList<>();
        List<String> e2Honda = new ArrayList<>();
        List<String> e2Toyota = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            e1Honda.add(ContractRows.issue("E1", "Honda", ContractRows.during(DATE, 10 * i), "1695.00", "850.00", true));
            e1Toyota.add(ContractRows.issue("E1", "Toyota", ContractRows.during(DATE, 10 * i + 1), "1695.00", "850.00", true));
            e2Honda.add(ContractRows.issue("E2", "Honda", ContractRows.during(DATE, 10 * i + 2), "1695.00", "850.00", true));
            e2Toyota.add(ContractRows.issue("E2", "Toyota", ContractRows.during(DATE, 10 * i + 3), "1695.00", "850.00", true));
        }
        // another date, same dealers: never in the file
        ContractRows.issue("E1", "Honda", ContractRows.during(DATE.plusDays(1), 0), "1695.00", "850.00", true);

        assertThat(export("ENT-DEALER", List.of("E1"), List.of(), FileLayout.CSV)).containsExactlyInAnyOrderElementsOf(concat(e1Honda, e1Toyota));
        assertThat(export("ENT-OEM", List.of(), List.of("toyota"), FileLayout.PIPE)).containsExactlyInAnyOrderElementsOf(concat(e1Toyota, e2Toyota));
        assertThat(export("ENT-BOTH", List.of("E2"), List.of("HONDA"), FileLayout.FIXED_WIDTH)).containsExactlyInAnyOrderElementsOf(e2Honda);
    }

    private List<String> export(String partner, List<String> dealers, List<String> makes, FileLayout layout) throws Exception {
        registry.save(partner, Fixtures.settings(partner, dealers, makes, List.of(Register.CONTRACT_REGISTER), layout, null), "test");
        assertThat(runs.run(Register.CONTRACT_REGISTER, partner, DATE).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        String name = partner + "_contracts_20260307." + layout.extension() + ".gz";
        List<String> lines = Fixtures.gunzip(Files.readAllBytes(Fixtures.outbound(partner).resolve(name))).lines().toList();
        RegisterFileFormat format = new RegisterFileFormat(com.fniexchange.export.register.RegisterCatalog.CONTRACT_REGISTER, layout);
        List<String> keys = new ArrayList<>();
        for (String line : lines.subList(1, lines.size() - 1)) {
            List<String> values = format.parseDetail(line);
            keys.add(values.get(0));
            assertThat(dealers.isEmpty() || dealers.contains(values.get(2))).as(line).isTrue();
            assertThat(makes.isEmpty() || makes.stream().anyMatch(m -> m.equalsIgnoreCase(values.get(7)))).as(line).isTrue();
        }
        assertThat(format.parseTrailer(lines.get(lines.size() - 1)).count()).isEqualTo(keys.size());
        return keys;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
