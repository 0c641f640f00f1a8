package com.fniexchange.cancellation.lifecycle;

import com.fniexchange.cancellation.refund.FeeRule;
import com.fniexchange.cancellation.refund.RefundMethod;
import com.fniexchange.cancellation.refund.RefundRule;
import com.fniexchange.model.Money;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code refund_rule} table, seeded by migration: the state × product rules of refunds. */
@Repository
class RefundRuleTable {

    /** A version of a rule with where it applies, since when, and its legal note, as quotes show it. */
    record StateRule(String state, String productCode, int version, LocalDate effectiveFrom, RefundRule rule, String note) {
    }

    private final JdbcClient jdbc;

    RefundRuleTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The most specific rule: the state's for the product, else the product's default, else the
     * default; of it, the version in effect on {@code on}.
     */
    StateRule forContract(String state, String productCode, LocalDate on) {
        return jdbc.sql("""
                SELECT * FROM refund_rule
                WHERE ((state = :state AND product_code = :product) OR (state = 'ALL' AND product_code IN (:product, 'ALL')))
                  AND effective_from <= :on
                ORDER BY (state <> 'ALL') DESC, (product_code <> 'ALL') DESC, effective_from DESC
                LIMIT 1
                """)
                .param("state", state)
                .param("product", productCode)
                .param("on", on)
                .query((rs, n) -> row(rs))
                .optional()
                .orElseThrow(() -> new IllegalStateException("refund_rule has no DEFAULT row"));
    }

    /** The version a quote was computed under, for its approval. */
    StateRule byCode(String code, int version) {
        return jdbc.sql("SELECT * FROM refund_rule WHERE rule_code = :code AND version = :version")
                .param("code", code).param("version", version).query((rs, n) -> row(rs)).single();
    }


    /** Every version of every rule. */
    List<StateRule> all() {
        return jdbc.sql("SELECT * FROM refund_rule ORDER BY state = 'ALL', state, product_code, version").query((rs, n) -> row(rs)).list();
    }

    private static StateRule row(ResultSet rs) throws SQLException {
        FeeRule fee = new FeeRule(FeeRule.Type.valueOf(rs.getString("fee_type")), money(rs.getBigDecimal("fee_flat")),
                rs.getBigDecimal("fee_percent"), money(rs.getBigDecimal("fee_cap")));
        RefundRule rule = new RefundRule(rs.getString("rule_code"), rs.getInt("free_look_days"), rs.getBoolean("free_look_despite_claims"),
                RefundMethod.valueOf(rs.getString("method")), fee, rs.getBoolean("deducts_claims"), rs.getInt("refund_due_days"),
                rs.getString("late_penalty"), (Integer) rs.getObject("free_look_days_without_warranty"));
        return new StateRule(rs.getString("state"), rs.getString("product_code"), rs.getInt("version"),
                rs.getObject("effective_from", LocalDate.class), rule, rs.getString("note"));
    }

    private static Money money(BigDecimal amount) {
        return amount == null ? null : Money.of(amount);
    }
}
