package com.fniexchange.export.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fniexchange.model.file.FileLayout;
import com.fniexchange.export.ops.ExportLauncher;
import com.fniexchange.export.partner.PartnerOnboarding;
import com.fniexchange.export.register.Register;
import com.fniexchange.export.register.RegisterCatalog;
import com.fniexchange.export.register.RegisterFileFormat;
import com.fniexchange.export.support.BatchExportTest;
import com.fniexchange.export.support.ContractRows;
import com.fniexchange.export.support.Fixtures;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Through the whole job: a value COPY's text format escapes (tab, backslash) and CSV quotes
 * (comma, quote) arrives as the database holds it; a value the partner's layout cannot carry
 * fails the export naming the record.
 */
@BatchExportTest
class AwkwardValuesTest {

    private static final LocalDate DATE = LocalDate.of(2026, 3, 9);
    private static final String MAKE = "ACME, \"BEST\"\tMOTORS \\ CO";

    @Autowired PartnerOnboarding registry;
    @Autowired ExportLauncher runs;

    @Test
    void escapedAndQuotedValuesArriveAsTheDatabaseHoldsThem() throws Exception {
        String plain = ContractRows.issue("AWK1", "Honda", ContractRows.during(DATE, 1), "1695.00", "850.00", true);
        String awkward = ContractRows.issue("AWK1", MAKE, ContractRows.during(DATE, 2), "1695.10", "-850.05", true);
        registry.save("AWK-CSV", Fixtures.settings("AWK-CSV", List.of("AWK1"), List.of(), List.of(Register.CONTRACT_REGISTER),
                FileLayout.CSV, null), "test");

        JobExecution run = runs.run(Register.CONTRACT_REGISTER, "AWK-CSV", DATE);

        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED); // reconciliation MATCHED too
        List<String> lines = Fixtures.gunzip(Files.readAllBytes(Fixtures.outbound("AWK-CSV").resolve("AWK-CSV_contracts_20260309.csv.gz")))
                .lines().toList();
        RegisterFileFormat format = new RegisterFileFormat(RegisterCatalog.CONTRACT_REGISTER, FileLayout.CSV);
        assertThat(lines).hasSize(4);
        List<String> details = lines.subList(1, 3).stream().map(l -> format.parseDetail(l).get(0) + " " + format.parseDetail(l).get(7)).toList();
        assertThat(details).containsExactlyInAnyOrder(plain + " HONDA", awkward + " " + MAKE);
        assertThat(lines).anySatisfy(l -> assertThat(l).contains(",\"ACME, \"\"BEST\"\"\tMOTORS \\ CO\","));
        assertThat(format.parseTrailer(lines.get(3)).totals()).extracting(Object::toString).containsExactly("3390.10", "-0.05");
    }

    @Test
    void aValueTheLayoutCannotCarryFailsTheExportNamingTheRecord() throws Exception {
        ContractRows.issue("AWK2", "Honda", ContractRows.during(DATE, 3), "1695.00", "850.00", true);
        String piped = ContractRows.issue("AWK2", "ACME|MOTORS", ContractRows.during(DATE, 4), "1695.00", "850.00", true);
        registry.save("AWK-PIPE", Fixtures.settings("AWK-PIPE", List.of("AWK2"), List.of(), List.of(Register.CONTRACT_REGISTER),
                FileLayout.PIPE, null), "test");
        String tooLong = ContractRows.issue("AWK3", "M".repeat(21), ContractRows.during(DATE, 6), "1695.00", "850.00", true);
        registry.save("AWK-FIXED", Fixtures.settings("AWK-FIXED", List.of("AWK3"), List.of(), List.of(Register.CONTRACT_REGISTER),
                FileLayout.FIXED_WIDTH, null), "test");

        JobExecution pipe = runs.run(Register.CONTRACT_REGISTER, "AWK-PIPE", DATE);
        JobExecution fixed = runs.run(Register.CONTRACT_REGISTER, "AWK-FIXED", DATE);

        assertThat(pipe.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(pipe.getExitStatus().getExitDescription())
                .isEqualTo("record " + piped + ": '|' cannot be written in a pipe-delimited file: ACME|MOTORS");
        assertThat(fixed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(fixed.getExitStatus().getExitDescription())
                .isEqualTo("record " + tooLong + ": '" + "M".repeat(21) + "' is longer than its fixed width 20");
        assertThat(Fixtures.blobNames("AWK-PIPE")).isEmpty();
        assertThat(Fixtures.blobNames("AWK-FIXED")).isEmpty();
    }
}
