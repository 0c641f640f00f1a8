package com.fniexchange.local.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegisterFileTest {

    private static final LocalDate DATE = LocalDate.of(2026, 11, 26);
    /** Two contract register records as batch-export-service writes them (RegisterCatalog's 18 columns). */
    private static final String PIPE = """
            H|DEMO-T1-SFTP|CONTRACT_REGISTER|2026-11-26|DEMO-T1-SFTP_contracts_20261126|1
            D|GAP3A000001|2026-11-26T14:00:01.123456Z|DT1A|DEAL-DT1A-2|GAP|GAP-72|1HGCV1F33RA000001|HONDA|2024|12040|2026-11-25|72||0.00|695.00|250.00|Y|TX
            D|VSC3A000001|2026-11-26T14:00:00.654321Z|DT1A|DEAL-DT1A-2|VSC|VSC-48-60-100|1HGCV1F33RA000001|HONDA|2024|12040|2026-11-25|48|60000|100.00|1895.00|995.00|Y|TX
            T|2|2590.00|1245.00
            """;

    @Test
    void readsHeaderDetailsAndTrailerOfAPipeFile() {
        RegisterFile file = RegisterFile.parse(PIPE, "PIPE");

        assertThat(file.partnerId()).isEqualTo("DEMO-T1-SFTP");
        assertThat(file.register()).isEqualTo("CONTRACT_REGISTER");
        assertThat(file.businessDate()).isEqualTo(DATE);
        assertThat(file.fileId()).isEqualTo("DEMO-T1-SFTP_contracts_20261126");
        assertThat(file.keys()).containsExactly("GAP3A000001", "VSC3A000001");
        assertThat(file.details().get(0)).hasSize(18);
        assertThat(file.trailerCount()).isEqualTo(2);
        assertThat(file.trailerTotals()).containsExactly(new BigDecimal("2590.00"), new BigDecimal("1245.00"));
        assertThat(file.detailTotals(NightlyExport.CONTRACTS.amountColumns()))
                .containsExactly(new BigDecimal("2590.00"), new BigDecimal("1245.00"));
    }

    @Test
    void aFileHoldingExactlyTheRunsRecordsAndTotalsHasNoProblems() {
        RegisterFile file = RegisterFile.parse(PIPE, "PIPE");

        assertThat(file.problems(expected(Set.of("GAP3A000001", "VSC3A000001"), "2590.00", "1245.00"))).isEmpty();
    }

    @Test
    void namesARecordOfAnotherRunAMissingOneAndTotalsThatDiffer() {
        RegisterFile file = RegisterFile.parse(PIPE, "PIPE");

        List<String> problems = file.problems(expected(Set.of("VSC3A000001", "TW3A000002"), "2394.00", "1245.00"));

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("GAP3A000001").contains("TW3A000002"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("trailer totals").contains("2394.00"));
    }

    @Test
    void aTrailerThatDisagreesWithItsLinesIsAProblem() {
        RegisterFile file = RegisterFile.parse(PIPE.replace("T|2|2590.00", "T|3|2590.00"), "PIPE");

        assertThat(file.problems(expected(Set.of("GAP3A000001", "VSC3A000001"), "2590.00", "1245.00")))
                .anySatisfy(p -> assertThat(p).contains("trailer counts 3 records, the file holds 2"));
    }

    @Test
    void readsCsvWithQuotedFields() {
        String csv = """
                H,DEMO-T1-BLOB,CANCELLATIONS,2026-11-26,DEMO-T1-BLOB_cancellations_20261126,1
                D,6f1c,2026-11-26T15:00:00Z,VSC3A000003,DT1B,VSC,FL,CUSTOMER_REQUEST,2026-11-26,18540,"DEFAULT, VSC",FREE_LOOK,2895.00,0.00,0.00,2895.00,1445.00,LIENHOLDER,2026-12-26
                T,1,2895.00,1445.00
                """;

        RegisterFile file = RegisterFile.parse(csv, "CSV");

        assertThat(file.details().get(0).get(9)).isEqualTo("DEFAULT, VSC");
        assertThat(file.detailTotals(NightlyExport.CANCELLATIONS.amountColumns()))
                .containsExactly(new BigDecimal("2895.00"), new BigDecimal("1445.00"));
    }

    @Test
    void anEmptyRegisterIsAHeaderAndATrailer() {
        RegisterFile file = RegisterFile.parse("H|P1|CLAIMS_REGISTER|2026-11-26|P1_claims_20261126|1\nT|0|0.00\n", "PIPE");

        assertThat(file.details()).isEmpty();
        assertThat(file.trailerTotals()).containsExactly(new BigDecimal("0.00"));
    }

    @Test
    void refusesWhatIsNotARegisterFile() {
        assertThatThrownBy(() -> RegisterFile.parse("D|x\nT|1|0.00\n", "PIPE")).hasMessageContaining("header");
        assertThatThrownBy(() -> RegisterFile.parse("H|P|R|2026-11-26|F|1\nD|x\n", "PIPE")).hasMessageContaining("trailer");
    }

    private static RegisterFile.Expected expected(Set<String> keys, String... totals) {
        return new RegisterFile.Expected("DEMO-T1-SFTP", "CONTRACT_REGISTER", DATE, keys, NightlyExport.CONTRACTS.amountColumns(),
                java.util.Arrays.stream(totals).map(BigDecimal::new).toList());
    }
}
