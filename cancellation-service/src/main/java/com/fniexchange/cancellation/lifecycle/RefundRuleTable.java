package com.fniexchange.cancellation.lifecycle;

import com.fniexchange.cancellation.refund.FeeRule;
import com.fniexchange.cancellation.refund.RefundMethod;
import com.fniexchange.cancellation.refund.RefundRule;
import com.fniexchange.model.Money;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code refund_rule} table, seeded by migration: the state × product rules of refunds. */
@Repository
class RefundRuleTable {

    /** A rule with where it applies and its legal note, as quotes show it. */
    record StateRule(String state, String productCode, RefundRule rule, String note) {
    }

    private final JdbcClient jdbc;

    RefundRuleTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The most specific rule: the state's for the product, else the product's default, else the default. */
    StateRule forContract(String state, String productCode) {
        return jdbc.sql("""
                SELECT * FROM refund_rule
                WHERE (state = :state AND product_code = :product) OR (state = 'ALL' AND product_code IN (:product, 'ALL'))
                ORDER BY (state <> 'ALL') DESC, (product_code <> 'ALL') DESC
                LIMIT 1
                """)
                .param("state", state)
                .param("product", productCode)
                .query((rs, n) -> row(rs))
                .optional()
                .orElseThrow(() -> new IllegalStateException("refund_rule has no DEFAULT row"));
    }

    StateRule byCode(String code) {
        return jdbc.sql("SELECT * FROM refund_rule WHERE rule_code = :code").param("code", code).query((rs, n) -> row(rs)).single();
    }

    List<StateRule> all() {
        return jdbc.sql("SELECT * FROM refund_rule ORDER BY state = 'ALL', state, product_code").query((rs, n) -> row(rs)).list();
    }

    private static StateRule row(ResultSet rs) throws SQLException {
        FeeRule fee = new FeeRule(FeeRule.Type.valueOf(rs.getString("fee_type")), money(rs.getBigDecimal("fee_flat")),
                rs.getBigDecimal("fee_percent"), money(rs.getBigDecimal("fee_cap")));
        RefundRule rule = new RefundRule(rs.getString("rule_code"), rs.getInt("free_look_days"), rs.getBoolean("free_look_despite_claims"),
                RefundMethod.valueOf(rs.getString("method")), fee, rs.getBoolean("deducts_claims"), rs.getInt("refund_due_days"),
                rs.getString("late_penalty"));
        return new StateRule(rs.getString("state"), rs.getString("product_code"), rule, rs.getString("note"));
    }

    private static Money money(BigDecimal amount) {
        return amount == null ? null : Money.of(amount);
    }
}
