package com.fniexchange.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * deploy/db/service-roles.sql on a database an earlier release left: objects the admin created
 * are handed to their service's role, and running it again changes nothing and fails nothing.
 */
class ServiceRolesScriptTest {

    @Test
    void objectsTheAdminCreatedGoToTheServicesRoleAndASecondRunIsHarmless() throws SQLException {
        TestDatabase db = TestDatabase.isolated(); // the script ran once when it was created
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password()); Statement st = c.createStatement()) {
            // what a release before the roles left: created by the admin, the schema too
            st.execute("ALTER SCHEMA contract OWNER TO CURRENT_USER");
            st.execute("CREATE TABLE contract.legacy (id bigserial PRIMARY KEY, note text)");
            st.execute("CREATE VIEW contract.legacy_v AS SELECT id FROM contract.legacy");
            st.execute("CREATE SEQUENCE contract.legacy_counter");
            st.execute("CREATE FUNCTION contract.legacy_f() RETURNS int LANGUAGE sql AS 'SELECT 1'");
            st.execute("CREATE TABLE claims.legacy_claim (id int)");
            assertThat(owners(st, "contract")).hasSize(6).noneMatch(o -> o.endsWith(" fni_contract"));

            TestDatabase.createServiceRoles(db);
            TestDatabase.createServiceRoles(db);

            assertThat(owners(st, "contract")).containsExactlyInAnyOrder("legacy fni_contract", "legacy_pkey fni_contract",
                    "legacy_id_seq fni_contract", "legacy_v fni_contract", "legacy_counter fni_contract", "legacy_f() fni_contract");
            assertThat(owners(st, "claims")).containsExactly("legacy_claim fni_claims");
            assertThat(single(st, "SELECT string_agg(nspname || ' ' || pg_get_userbyid(nspowner), ', ' ORDER BY nspname) FROM pg_namespace"
                    + " WHERE nspname IN ('contract', 'claims', 'cancellation', 'batch_export')"))
                    .isEqualTo("batch_export fni_batch_export, cancellation fni_cancellation, claims fni_claims, contract fni_contract");
            assertThat(single(st, "SELECT string_agg(r.rolname, ',') FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member"
                    + " JOIN pg_roles g ON g.oid = m.roleid WHERE g.rolname = 'fni_reporting'")).isEqualTo("fni_batch_export");
            assertThat(single(st, "SELECT has_schema_privilege('public', 'public', 'CREATE')::text")).isEqualTo("false");
        }
    }

    private static List<String> owners(Statement st, String schema) throws SQLException {
        List<String> owners = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("""
                SELECT c.relname || ' ' || pg_get_userbyid(c.relowner) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = '%1$s'
                UNION ALL
                SELECT p.proname || '() ' || pg_get_userbyid(p.proowner) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE n.nspname = '%1$s'
                """.formatted(schema))) {
            while (rs.next()) {
                owners.add(rs.getString(1));
            }
        }
        return owners;
    }

    private static String single(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
