package com.fniexchange.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fniexchange.export.support.BatchExportTest;
import com.fniexchange.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Least privilege on the real PostgreSQL, with every service's schema migrated the way the
 * services migrate it (deploy/db/service-roles.sql, then each service's migrations as its role):
 * a service owns its schema and reaches no other; batch-export-service reads the reporting
 * views and nothing else.
 */
@BatchExportTest
class DatabaseRolesTest {

    /** PostgreSQL's insufficient_privilege. */
    private static final String REFUSED = "42501";

    @Autowired JdbcClient jdbc;

    @Test
    void theServiceActsAsItsOwnRoleAndOwnsWhatItMigrated() {
        assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo("fni_batch_export");
        for (String schema : List.of("contract", "claims", "cancellation", "batch_export")) {
            List<String> foreignOwners = jdbc.sql("""
                    SELECT c.relname || ' owned by ' || pg_get_userbyid(c.relowner) FROM pg_class c
                    JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = :schema AND c.relkind IN ('r', 'p', 'v', 'S') AND pg_get_userbyid(c.relowner) <> :role
                    """).param("schema", schema).param("role", TestDatabase.serviceRole(schema)).query(String.class).list();
            assertThat(foreignOwners).as("every object of %s belongs to its service's role", schema).isEmpty();
        }
    }

    @Test
    void batchExportReadsTheReportingViewsAndNothingElse() throws SQLException {
        String batch = "fni_batch_export";
        for (String view : List.of("contract.contract_register_v", "contract.remittance_register_v", "contract.published_event_v",
                "claims.claim_register", "claims.published_event_v", "cancellation.cancellation_register",
                "cancellation.published_event_v")) {
            assertThat(sqlState(batch, "SELECT count(*) FROM " + view)).as("%s may read %s", batch, view).isNull();
        }
        assertThat(sqlState(batch, "UPDATE contract.contract SET dealer_code = dealer_code")).isEqualTo(REFUSED);
        assertThat(sqlState(batch, "SELECT count(*) FROM contract.contract")).isEqualTo(REFUSED);
        assertThat(sqlState(batch, "SELECT count(*) FROM contract.outbox_event")).as("the outbox, not its view").isEqualTo(REFUSED);
        assertThat(sqlState(batch, "DELETE FROM claims.claim")).isEqualTo(REFUSED);
        assertThat(sqlState(batch, "SELECT count(*) FROM cancellation.refund_quote")).isEqualTo(REFUSED);
        assertThat(sqlState(batch, "CREATE TABLE contract.intruder (id int)")).isEqualTo(REFUSED);
        assertThat(sqlState(batch, "CREATE TABLE public.intruder (id int)")).isEqualTo(REFUSED);
    }

    @Test
    void noServiceReadsOrWritesAnothersTables() throws SQLException {
        assertThat(sqlState("fni_claims", "SELECT count(*) FROM cancellation.cancellation")).isEqualTo(REFUSED);
        assertThat(sqlState("fni_claims", "SELECT count(*) FROM contract.contract")).isEqualTo(REFUSED);
        assertThat(sqlState("fni_claims", "SELECT count(*) FROM contract.contract_register_v"))
                .as("the reporting views are the batch's, not every service's").isEqualTo(REFUSED);
        assertThat(sqlState("fni_cancellation", "SELECT count(*) FROM claims.claim")).isEqualTo(REFUSED);
        assertThat(sqlState("fni_cancellation", "UPDATE batch_export.partner SET active = active")).isEqualTo(REFUSED);
        assertThat(sqlState("fni_contract", "SELECT count(*) FROM claims.claim_payment")).isEqualTo(REFUSED);
        assertThat(sqlState("fni_contract", "SELECT count(*) FROM batch_export.partner")).isEqualTo(REFUSED);
        assertThat(sqlState("fni_claims", "SELECT count(*) FROM claims.claim")).as("its own: allowed").isNull();
    }

    /** Runs the statement acting as the role (rolled back); the SQLState it failed with, null when it succeeded. */
    private static String sqlState(String role, String sql) throws SQLException {
        TestDatabase db = TestDatabase.get();
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("SET LOCAL ROLE " + role);
                st.execute(sql);
                return null;
            } catch (SQLException e) {
                return e.getSQLState();
            } finally {
                c.rollback();
            }
        }
    }
}
