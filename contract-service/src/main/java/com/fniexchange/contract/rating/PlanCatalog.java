package com.fniexchange.contract.rating;

import com.fniexchange.model.Money;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The product catalog and state price rules, as seeded by migration. */
@Repository
public class PlanCatalog {

    private final JdbcClient jdbc;

    PlanCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Plan> activePlans() {
        return jdbc.sql("SELECT * FROM plan WHERE active ORDER BY product_code, term_months, plan_code")
                .query((rs, n) -> plan(rs))
                .list();
    }

    /** The state's retail price rule, if it regulates retail prices. */
    public Optional<RetailRule> retailRule(String state) {
        return jdbc.sql("SELECT rule FROM state_retail_rule WHERE state = :state")
                .param("state", state)
                .query((rs, n) -> RetailRule.valueOf(rs.getString("rule")))
                .optional();
    }

    /** The contract-number prefix of a product's form. */
    public String formPrefix(String productCode) {
        return jdbc.sql("SELECT form_prefix FROM product WHERE product_code = :code")
                .param("code", productCode)
                .query(String.class)
                .single();
    }

    private static Plan plan(ResultSet rs) throws SQLException {
        Array makes = rs.getArray("eligible_makes");
        return new Plan(rs.getString("plan_code"), rs.getString("product_code"), rs.getString("name"),
                rs.getInt("term_months"), (Integer) rs.getObject("term_miles"), Money.of(rs.getBigDecimal("deductible")),
                rs.getString("deductible_type"), (Integer) rs.getObject("max_vehicle_age_years"),
                (Integer) rs.getObject("max_odometer"),
                makes == null ? null : Arrays.asList((String[]) makes.getArray()),
                Money.of(rs.getBigDecimal("dealer_cost")), Money.of(rs.getBigDecimal("suggested_retail")),
                rs.getBigDecimal("max_amount_financed") == null ? null : Money.of(rs.getBigDecimal("max_amount_financed")),
                (Integer) rs.getObject("max_loan_term_months"));
    }
}
