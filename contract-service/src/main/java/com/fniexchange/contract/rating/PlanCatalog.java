package com.fniexchange.contract.rating;

import com.fniexchange.model.Money;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The product catalog and state price rules, as seeded by migration, held in memory.
 *
 * <p>Every rate and every submission consults the catalog, and it changes only by migration (a
 * deploy), so it is read once and then at most every {@link #REFRESH}: an instance that kept
 * running through another instance's migration catches up within that time.
 */
@Repository
public class PlanCatalog {

    /** How long a snapshot of the catalog is used before it is read again. */
    static final Duration REFRESH = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Snapshot snapshot;

    PlanCatalog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The catalog as read at {@code readAt}. */
    private record Snapshot(List<Plan> activePlans, Map<String, Plan> plans, Map<String, String> formPrefixes,
                            Map<String, RetailRule> retailRules, Instant readAt) {
    }

    /** Plans offered today, in rating order. */
    List<Plan> activePlans() {
        return current().activePlans();
    }

    /** A plan by code, offered today or not (a quote may name one withdrawn since). */
    Optional<Plan> plan(String planCode) {
        return Optional.ofNullable(current().plans().get(planCode));
    }

    /** The plan's catalog terms with the prices a quote offered for it. */
    public QuoteRepository.QuotedPlan quoted(String planCode, QuoteRepository.QuotedPrice price) {
        Plan plan = plan(planCode).orElseThrow(() -> new IllegalStateException("plan " + planCode + " is not in the catalog"));
        return new QuoteRepository.QuotedPlan(plan.planCode(), plan.productCode(), plan.termMonths(), plan.termMiles(),
                plan.deductible(), price.dealerCost(), price.suggestedRetail(), plan.limitOfLiability());
    }

    /** The state's retail price rule, if it regulates retail prices. */
    public Optional<RetailRule> retailRule(String state) {
        return Optional.ofNullable(current().retailRules().get(state));
    }

    /** The contract-number prefix of a product's form. */
    public String formPrefix(String productCode) {
        String prefix = current().formPrefixes().get(productCode);
        if (prefix == null) {
            throw new IllegalStateException("product " + productCode + " is not in the catalog");
        }
        return prefix;
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null || s.readAt().plus(REFRESH).isBefore(clock.instant())) {
            s = read();
            snapshot = s;
        }
        return s;
    }

    private Snapshot read() {
        List<Plan> plans = jdbc.sql("SELECT * FROM plan ORDER BY product_code, term_months, plan_code")
                .query((rs, n) -> plan(rs))
                .list();
        List<String> active = jdbc.sql("SELECT plan_code FROM plan WHERE active").query(String.class).list();
        Map<String, String> prefixes = jdbc.sql("SELECT product_code, form_prefix FROM product")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<String, RetailRule> rules = jdbc.sql("SELECT state, rule FROM state_retail_rule")
                .query((rs, n) -> Map.entry(rs.getString(1).strip(), RetailRule.valueOf(rs.getString(2)))).list().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
        return new Snapshot(plans.stream().filter(p -> active.contains(p.planCode())).toList(),
                plans.stream().collect(Collectors.toUnmodifiableMap(Plan::planCode, Function.identity())),
                prefixes, rules, clock.instant());
    }

    private static Plan plan(ResultSet rs) throws SQLException {
        Array makes = rs.getArray("eligible_makes");
        return new Plan(rs.getString("plan_code"), rs.getString("product_code"), rs.getString("name"),
                rs.getInt("term_months"), (Integer) rs.getObject("term_miles"), Money.of(rs.getBigDecimal("deductible")),
                rs.getString("deductible_type"), (Integer) rs.getObject("max_vehicle_age_years"),
                (Integer) rs.getObject("max_odometer"),
                makes == null ? null : List.copyOf(Arrays.asList((String[]) makes.getArray())),
                Money.of(rs.getBigDecimal("dealer_cost")), Money.of(rs.getBigDecimal("suggested_retail")),
                rs.getBigDecimal("max_amount_financed") == null ? null : Money.of(rs.getBigDecimal("max_amount_financed")),
                (Integer) rs.getObject("max_loan_term_months"), Money.of(rs.getBigDecimal("limit_of_liability")));
    }
}
