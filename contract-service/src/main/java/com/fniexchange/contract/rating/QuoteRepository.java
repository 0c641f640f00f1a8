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
        if (quote.plans().isEmpty()) {
            return;
        }
        // one statement for every plan offered: a round trip per plan would grow with the catalog
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < quote.plans().size(); i++) {
            values.append(i == 0 ? "" : ", ").append("(:id, :plan").append(i).append(", :cost").append(i)
                    .append(", :retail").append(i).append(')');
        }
        JdbcClient.StatementSpec insert = jdbc.sql("INSERT INTO quote_plan (quote_id, plan_code, dealer_cost, suggested_retail) VALUES "
                + values).param("id", quote.quoteId());
        for (int i = 0; i < quote.plans().size(); i++) {
            RateQuote.RatedPlan plan = quote.plans().get(i);
            insert = insert.param("plan" + i, plan.planCode())
                    .param("cost" + i, plan.dealerCost().amount())
                    .param("retail" + i, plan.suggestedRetail().amount());
        }
        insert.update();
    }

    /** What contracting reads of a quote: the quote, and the plan's prices as quoted (empty when it was not offered). */
    public record QuoteToContract(StoredQuote quote, Optional<QuotedPrice> price) {
    }

    /** A plan's prices as the quote offered them (the catalog may have changed since). */
    public record QuotedPrice(Money dealerCost, Money suggestedRetail) {
    }

    /**
     * The dealer's quote with the plan's quoted prices, in one statement. Another dealer's quote is
     * not read and answers like a missing one.
     */
    public Optional<QuoteToContract> findToContract(UUID quoteId, DealerCode dealer, String planCode) {
        return jdbc.sql("""
                SELECT q.*, qp.dealer_cost AS quoted_dealer_cost, qp.suggested_retail AS quoted_suggested_retail
                FROM quote q LEFT JOIN quote_plan qp ON qp.quote_id = q.quote_id AND qp.plan_code = :plan
                WHERE q.quote_id = :id AND q.dealer_code = :dealer
                """)
                .param("id", quoteId)
                .param("dealer", dealer.value())
                .param("plan", planCode)
                .query((rs, n) -> new QuoteToContract(new StoredQuote(rs.getObject("quote_id", UUID.class),
                        rs.getString("dealer_code"), rs.getString("vin"), rs.getString("make"), rs.getInt("model_year"),
                        rs.getInt("odometer"), rs.getObject("vehicle_in_service_date", LocalDate.class),
                        rs.getObject("sale_date", LocalDate.class), rs.getString("customer_state"),
                        rs.getTimestamp("expires_at").toInstant()),
                        rs.getBigDecimal("quoted_dealer_cost") == null ? Optional.empty()
                                : Optional.of(new QuotedPrice(Money.of(rs.getBigDecimal("quoted_dealer_cost")),
                                        Money.of(rs.getBigDecimal("quoted_suggested_retail"))))))
                .optional();
    }

    List<String> quotedPlanCodes(UUID quoteId) {
        return jdbc.sql("SELECT plan_code FROM quote_plan WHERE quote_id = :id ORDER BY plan_code")
                .param("id", quoteId)
                .query(String.class)
                .list();
    }
}
