package com.fniexchange.contract.rating;

import com.fniexchange.model.DealerCode;
import com.fniexchange.model.Money;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Quotes and the plans they offered, with the prices as quoted. */
@Repository
public class QuoteRepository {

    private final JdbcClient jdbc;

    QuoteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored quote, as contracting needs it. */
    public record StoredQuote(UUID quoteId, String dealerCode, String vin, String make, int modelYear, int odometer,
                              LocalDate vehicleInServiceDate, LocalDate saleDate, String customerState, Instant expiresAt) {
    }

    /** One plan as it was quoted, joined with the catalog terms. */
    public record QuotedPlan(String planCode, String productCode, int termMonths, Integer termMiles, Money deductible,
                             Money dealerCost, Money suggestedRetail, Money limitOfLiability) {
    }

    void save(RateQuote quote, RateRequest request) {
        jdbc.sql("""
                INSERT INTO quote (quote_id, dealer_code, vin, make, model_year, odometer, vehicle_in_service_date,
                                   sale_date, customer_state, amount_financed, loan_term_months, created_at, expires_at)
                VALUES (:id, :dealer, :vin, :make, :modelYear, :odometer, :inService, :saleDate, :state,
                        :amountFinanced, :loanTerm, :createdAt, :expiresAt)
                """)
                .param("id", quote.quoteId())
                .param("dealer", quote.dealerCode())
                .param("vin", request.vin())
                .param("make", request.make())
                .param("modelYear", request.modelYear())
                .param("odometer", request.odometer())
                .param("inService", request.vehicleInServiceDate())
                .param("saleDate", request.saleDate())
                .param("state", request.customerState())
                .param("amountFinanced", request.amountFinanced())
                .param("loanTerm", request.loanTermMonths())
                .param("createdAt", Timestamp.from(quote.createdAt()))
                .param("expiresAt", Timestamp.from(quote.expiresAt()))
                .update();
        for (RateQuote.RatedPlan plan : quote.plans()) {
            jdbc.sql("""
                    INSERT INTO quote_plan (quote_id, plan_code, dealer_cost, suggested_retail)
                    VALUES (:id, :plan, :cost, :retail)
                    """)
                    .param("id", quote.quoteId())
                    .param("plan", plan.planCode())
                    .param("cost", plan.dealerCost().amount())
                    .param("retail", plan.suggestedRetail().amount())
                    .update();
        }
    }

    /** The dealer's quote; another dealer's is not read and answers like a missing one. */
    public Optional<StoredQuote> find(UUID quoteId, DealerCode dealer) {
        return jdbc.sql("SELECT * FROM quote WHERE quote_id = :id AND dealer_code = :dealer")
                .param("id", quoteId)
                .param("dealer", dealer.value())
                .query((rs, n) -> new StoredQuote(rs.getObject("quote_id", UUID.class), rs.getString("dealer_code"),
                        rs.getString("vin"), rs.getString("make"), rs.getInt("model_year"), rs.getInt("odometer"),
                        rs.getObject("vehicle_in_service_date", LocalDate.class), rs.getObject("sale_date", LocalDate.class),
                        rs.getString("customer_state"), rs.getTimestamp("expires_at").toInstant()))
                .optional();
    }

    public Optional<QuotedPlan> quotedPlan(UUID quoteId, String planCode) {
        return jdbc.sql("""
                SELECT qp.plan_code, p.product_code, p.term_months, p.term_miles, p.deductible,
                       qp.dealer_cost, qp.suggested_retail, p.limit_of_liability
                FROM quote_plan qp JOIN plan p USING (plan_code)
                WHERE qp.quote_id = :id AND qp.plan_code = :plan
                """)
                .param("id", quoteId)
                .param("plan", planCode)
                .query((rs, n) -> new QuotedPlan(rs.getString("plan_code"), rs.getString("product_code"),
                        rs.getInt("term_months"), (Integer) rs.getObject("term_miles"), Money.of(rs.getBigDecimal("deductible")),
                        Money.of(rs.getBigDecimal("dealer_cost")), Money.of(rs.getBigDecimal("suggested_retail")),
                        Money.of(rs.getBigDecimal("limit_of_liability"))))
                .optional();
    }

    List<String> quotedPlanCodes(UUID quoteId) {
        return jdbc.sql("SELECT plan_code FROM quote_plan WHERE quote_id = :id ORDER BY plan_code")
                .param("id", quoteId)
                .query(String.class)
                .list();
    }
}
