package com.fniexchange.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fniexchange.export.support.BatchExportTest;
import com.fniexchange.export.support.ContractRows;
import com.fniexchange.testsupport.SourceTree;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one-off scripts an operator runs as the database admin after an upgrade, on the schemas the
 * services migrated (this context holds all four): idempotent, touching only what they must.
 */
@BatchExportTest
class BackfillScriptsTest {

    @Test
    void contractsIssuedBeforeVoidableUntilGetItInBothServicesFromTheWindow() throws Exception {
        LocalDate sale = LocalDate.of(2026, 3, 20);
        // issued as an earlier release did: no voidableUntil in contract-service, none in claims-service's coverage
        String old = ContractRows.issue("VB100", "Honda", ContractRows.during(sale, 1), "1600.00", "850.00", true);
        coverage(old, sale, null);
        String dated = ContractRows.issue("VB100", "Honda", ContractRows.during(sale, 2), "1600.00", "850.00", true);
        ContractRows.jdbc().sql("UPDATE contract.contract SET voidable_until = :d WHERE contract_number = :n")
                .param("d", sale.plusDays(45)).param("n", dated).update();
        coverage(dated, sale, sale.plusDays(45));
        Object updatedBefore = row("contract.contract", old).get("updated_at");

        String script = Files.readString(SourceTree.root().resolve("deploy/db/backfill-voidable-until.sql"));
        ContractRows.jdbc().sql(script).update();
        ContractRows.jdbc().sql(script).update();

        assertThat(row("contract.contract", old).get("voidable_until").toString()).isEqualTo(sale.plusDays(30).toString());
        assertThat(row("claims.contract_coverage", old).get("voidable_until").toString()).isEqualTo(sale.plusDays(30).toString());
        assertThat(row("contract.contract", old).get("updated_at")).as("no dealer sees it as a change").isEqualTo(updatedBefore);
        assertThat(row("contract.contract", dated).get("voidable_until").toString()).as("a date already there stays")
                .isEqualTo(sale.plusDays(45).toString());
        assertThat(row("claims.contract_coverage", dated).get("voidable_until").toString()).isEqualTo(sale.plusDays(45).toString());
    }

    private static void coverage(String number, LocalDate sale, LocalDate voidableUntil) {
        ContractRows.jdbc().sql("""
                INSERT INTO claims.contract_coverage (contract_number, status, dealer_code, product_code, plan_code, vin, make,
                    sale_date, odometer_at_sale, term_months, term_miles, deductible, limit_of_liability, voidable_until, status_at,
                    updated_at)
                SELECT contract_number, 'ACTIVE', dealer_code, product_code, plan_code, vin, make, :sale, 12000, 36, 36000, 100.00,
                    10000.00, :voidableUntil, now(), now()
                FROM contract.contract WHERE contract_number = :n""")
                .param("sale", sale).param("voidableUntil", voidableUntil, java.sql.Types.DATE).param("n", number).update();
    }

    private static Map<String, Object> row(String table, String number) {
        return ContractRows.jdbc().sql("SELECT * FROM " + table + " WHERE contract_number = :n").param("n", number).query().singleRow();
    }
}
