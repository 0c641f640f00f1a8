package com.fniexchange.cancellation.lifecycle;

import com.fniexchange.cancellation.projection.ProjectedContract;
import com.fniexchange.cancellation.refund.FeeRule;
import com.fniexchange.cancellation.refund.Payee;
import com.fniexchange.cancellation.refund.Refund;
import com.fniexchange.cancellation.refund.RefundBasis;
import com.fniexchange.cancellation.refund.RefundMethod;
import com.fniexchange.model.ContractNumber;
import com.fniexchange.model.DealerCode;
import com.fniexchange.platform.security.DealerScope;
import com.fniexchange.model.Money;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import com.fniexchange.platform.paging.KeysetPage;
import com.fniexchange.platform.paging.KeysetQuery;
import com.fniexchange.platform.paging.PageCursor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code refund_quote} and {@code cancellation} tables. */
@Repository
class CancellationRepository {

    /** The row is of the {@code :dealer} bound (as VARCHAR); a null {@code :dealer} means every dealer. */

    private static final String QUOTE_COLUMNS = """
            q.quote_id, q.contract_number, q.dealer_code, p.product_code AS contract_product, p.customer_state, q.reason AS quote_reason,
            q.cancel_date, q.odometer, q.basis, q.days_used, q.term_days, q.miles_used, p.term_miles, q.months_used, q.unearned_share,
            q.customer_price, q.gross_refund, q.claims_paid, q.claims_deducted, q.fee, q.refund, q.dealer_chargeback,
            q.provider_share, q.payee, q.lienholder, q.refund_due_date, q.quoted_at, q.valid_until,
            r.rule_code, r.version AS rule_version, r.effective_from AS rule_effective_from,
            r.free_look_days_without_warranty, r.state AS rule_state, r.product_code AS rule_product, r.method, r.free_look_days, r.free_look_despite_claims,
            r.fee_type, r.fee_flat, r.fee_percent, r.fee_cap, r.deducts_claims, r.refund_due_days, r.late_penalty, r.note
            """;
    private static final String QUOTE_JOINS = """
            JOIN contract_projection p ON p.contract_number = q.contract_number
            JOIN refund_rule r ON r.rule_code = q.rule_code AND r.version = q.rule_version
            """;
    private static final String CANCELLATION_SELECT = "SELECT c.cancellation_id, c.status, c.reason, c.requested_by, c.requested_at, "
            + "c.approved_by, c.approved_at, c.payment_method, c.payment_reference, c.paid_date, c.paid_by, c.refund_paid_at, "
            + "c.updated_at, c.approved_basis, c.approved_unearned_share, c.approved_gross_refund, c.approved_claims_paid, "
            + "c.approved_claims_deducted, c.approved_fee, c.approved_refund, c.approved_dealer_chargeback, c.approved_provider_share, "
            + "c.recomputed_at_approval, " + QUOTE_COLUMNS + " FROM cancellation c JOIN refund_quote q ON q.quote_id = c.quote_id " + QUOTE_JOINS;

    private final JdbcClient jdbc;

    CancellationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertQuote(UUID quoteId, ProjectedContract contract, QuoteRequest request, Refund refund, int ruleVersion,
                     Money customerPrice, String quotedBy, Instant quotedAt, Instant validUntil) {
        jdbc.sql("""
                INSERT INTO refund_quote (quote_id, contract_number, dealer_code, reason, cancel_date, odometer, rule_code, rule_version, method, basis,
                    days_used, term_days, miles_used, months_used, unearned_share, customer_price, gross_refund, claims_paid,
                    claims_deducted, fee, refund, dealer_chargeback, provider_share, payee, lienholder, refund_due_date, quoted_by,
                    quoted_at, valid_until)
                VALUES (:id, :number, :dealer, :reason, :cancelDate, :odometer, :rule, :ruleVersion, :method, :basis, :daysUsed, :termDays, :milesUsed,
                    :monthsUsed, :share, :price, :gross, :claimsPaid, :claimsDeducted, :fee, :refund, :chargeback, :providerShare,
                    :payee, :lienholder, :due, :by, :at, :validUntil)
                """)
                .param("id", quoteId)
                .param("number", contract.contractNumber().value())
                .param("dealer", contract.dealerCode().value())
                .param("reason", request.reason().name())
                .param("cancelDate", request.cancelDate())
                .param("odometer", request.odometer(), Types.INTEGER)
                .param("rule", refund.ruleCode())
                .param("ruleVersion", ruleVersion)
                .param("method", refund.method().name())
                .param("basis", refund.basis().name())
                .param("daysUsed", refund.daysUsed())
                .param("termDays", refund.termDays())
                .param("milesUsed", refund.milesUsed(), Types.INTEGER)
                .param("monthsUsed", refund.monthsUsed(), Types.INTEGER)
                .param("share", refund.unearnedShare())
                .param("price", customerPrice.amount())
                .param("gross", refund.grossRefund().amount())
                .param("claimsPaid", refund.claimsPaid().amount())
                .param("claimsDeducted", refund.claimsDeducted().amount())
                .param("fee", refund.fee().amount())
                .param("refund", refund.refund().amount())
                .param("chargeback", refund.dealerChargeback().amount())
                .param("providerShare", refund.providerShare().amount())
                .param("payee", refund.payee().name())
                .param("lienholder", refund.lienholder(), Types.VARCHAR)
                .param("due", refund.refundDueDate())
                .param("by", quotedBy)
                .param("at", Timestamp.from(quotedAt))
                .param("validUntil", Timestamp.from(validUntil))
                .update();
    }

    Optional<RefundQuote> findQuote(UUID quoteId, Optional<DealerCode> dealer) {
        return DealerScope.of(dealer).query(jdbc, "SELECT " + QUOTE_COLUMNS + " FROM refund_quote q " + QUOTE_JOINS
                        + " WHERE q.quote_id = :id AND " + DealerScope.CONDITION, "q.dealer_code")
                .param("id", quoteId)
                .query((rs, n) -> quote(rs))
                .optional();
    }

    /** The contract's open (REQUESTED or APPROVED) cancellation, if any. */
    Optional<UUID> openCancellationOf(String contractNumber) {
        return jdbc.sql("SELECT cancellation_id FROM cancellation WHERE contract_number = :number AND status IN ('REQUESTED', 'APPROVED')")
                .param("number", contractNumber)
                .query(UUID.class)
                .optional();
    }

    /**
     * Inserts a REQUESTED cancellation unless the contract already has an open one or the quote
     * was used (the unique indexes decide; the transaction stays usable).
     *
     * @return whether it was inserted
     */
    boolean insertRequested(UUID id, RefundQuote quote, CancellationReason reason, String requestedBy, Instant at) {
        return jdbc.sql("""
                INSERT INTO cancellation (cancellation_id, quote_id, contract_number, dealer_code, reason, status, requested_by,
                    requested_at, updated_at)
                VALUES (:id, :quote, :number, :dealer, :reason, 'REQUESTED', :by, :at, :at)
                ON CONFLICT DO NOTHING
                """)
                .param("id", id)
                .param("quote", quote.quoteId())
                .param("number", quote.contractNumber())
                .param("dealer", quote.dealerCode())
                .param("reason", reason.name())
                .param("by", requestedBy)
                .param("at", Timestamp.from(at))
                .update() == 1;
    }

    Optional<Cancellation> find(UUID id, Optional<DealerCode> dealer) {
        return DealerScope.of(dealer).query(jdbc, CANCELLATION_SELECT + " WHERE c.cancellation_id = :id AND " + DealerScope.CONDITION, "c.dealer_code")
                .param("id", id)
                .query((rs, n) -> cancellation(rs))
                .optional();
    }

    /** The cancellation, row-locked until the transaction ends; another dealer's is neither read nor locked. */
    Optional<Cancellation> lock(UUID id, Optional<DealerCode> dealer) {
        Optional<UUID> locked = DealerScope.of(dealer).query(jdbc, "SELECT c.cancellation_id FROM cancellation c WHERE c.cancellation_id = :id AND "
                        + DealerScope.CONDITION + " FOR UPDATE", "c.dealer_code")
                .param("id", id)
                .query(UUID.class)
                .optional();
        return locked.flatMap(l -> find(l, Optional.empty()));
    }

    /** Approves at the given amounts; {@code recomputed} says they differ from the quote's. */
    void markApproved(UUID id, Refund approved, boolean recomputed, String by, Instant at) {
        jdbc.sql("""
                UPDATE cancellation SET status = 'APPROVED', approved_by = :by, approved_at = :at, updated_at = :at,
                    approved_basis = :basis, approved_unearned_share = :share, approved_gross_refund = :gross,
                    approved_claims_paid = :claimsPaid, approved_claims_deducted = :claimsDeducted, approved_fee = :fee,
                    approved_refund = :refund, approved_dealer_chargeback = :chargeback, approved_provider_share = :providerShare,
                    recomputed_at_approval = :recomputed
                WHERE cancellation_id = :id AND status = 'REQUESTED'
                """)
                .param("id", id).param("by", by).param("at", Timestamp.from(at))
                .param("basis", approved.basis().name())
                .param("share", approved.unearnedShare())
                .param("gross", approved.grossRefund().amount())
                .param("claimsPaid", approved.claimsPaid().amount())
                .param("claimsDeducted", approved.claimsDeducted().amount())
                .param("fee", approved.fee().amount())
                .param("refund", approved.refund().amount())
                .param("chargeback", approved.dealerChargeback().amount())
                .param("providerShare", approved.providerShare().amount())
                .param("recomputed", recomputed)
                .update();
    }

    void markRefundPaid(UUID id, RefundPayment payment, String by, Instant at) {
        jdbc.sql("""
                UPDATE cancellation SET status = 'REFUND_PAID', payment_method = :method, payment_reference = :reference,
                    paid_date = :paidDate, paid_by = :by, refund_paid_at = :at, updated_at = :at
                WHERE cancellation_id = :id AND status = 'APPROVED'
                """)
                .param("id", id).param("method", payment.method().name()).param("reference", payment.reference())
                .param("paidDate", payment.paidDate()).param("by", by).param("at", Timestamp.from(at))
                .update();
    }

    /** A page of cancellations in request order, after the cursor. */
    KeysetPage<Cancellation> page(String dealerCode, CancellationStatus status, ContractNumber contractNumber, PageCursor after, int limit) {
        return KeysetQuery.of(CANCELLATION_SELECT, "c.requested_at", "c.cancellation_id")
                .filter("c.dealer_code = :dealer", "dealer", dealerCode)
                .filter("c.status = :status", "status", status == null ? null : status.name())
                .filter("c.contract_number = :number", "number", contractNumber == null ? null : contractNumber.value())
                .after(after, PageCursor::uuidKey)
                .page(jdbc, limit, (rs, n) -> cancellation(rs), c -> PageCursor.after(c.requestedAt(), c.cancellationId()));
    }

    /** Approved, unpaid refunds: how many are past due, and how many are due from today through {@code soonUntil}. */
    RefundDeadlines.Counts unpaidRefunds(LocalDate today, LocalDate soonUntil) {
        return jdbc.sql("""
                SELECT count(*) FILTER (WHERE q.refund_due_date < :today) AS overdue,
                       count(*) FILTER (WHERE q.refund_due_date BETWEEN :today AND :soon) AS due_soon
                FROM cancellation c JOIN refund_quote q ON q.quote_id = c.quote_id
                WHERE c.status = 'APPROVED'
                """)
                .param("today", today)
                .param("soon", soonUntil)
                .query((rs, n) -> new RefundDeadlines.Counts(rs.getLong("overdue"), rs.getLong("due_soon")))
                .single();
    }

    private static Cancellation cancellation(ResultSet rs) throws SQLException {
        RefundQuote quote = quote(rs);
        String method = rs.getString("payment_method");
        Cancellation.Payment payment = method == null ? null : new Cancellation.Payment(PaymentMethod.valueOf(method),
                rs.getString("payment_reference"), rs.getObject("paid_date", LocalDate.class),
                rs.getObject("paid_date", LocalDate.class).isAfter(quote.refundDueDate()), rs.getString("paid_by"),
                rs.getTimestamp("refund_paid_at").toInstant());
        Timestamp approvedAt = rs.getTimestamp("approved_at");
        return new Cancellation(rs.getObject("cancellation_id", UUID.class), quote.contractNumber(), quote.dealerCode(),
                CancellationStatus.valueOf(rs.getString("status")), CancellationReason.valueOf(rs.getString("reason")), quote,
                approvedRefund(rs, quote),
                rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(), rs.getString("approved_by"),
                approvedAt == null ? null : approvedAt.toInstant(), payment, rs.getTimestamp("updated_at").toInstant());
    }

    private static Cancellation.ApprovedRefund approvedRefund(ResultSet rs, RefundQuote quote) throws SQLException {
        BigDecimal refund = rs.getBigDecimal("approved_refund");
        if (refund == null) {
            return null;
        }
        Money claimsPaid = Money.of(rs.getBigDecimal("approved_claims_paid"));
        boolean recomputed = rs.getBoolean("recomputed_at_approval");
        return new Cancellation.ApprovedRefund(RefundBasis.valueOf(rs.getString("approved_basis")),
                rs.getBigDecimal("approved_unearned_share"), Money.of(rs.getBigDecimal("approved_gross_refund")), claimsPaid,
                Money.of(rs.getBigDecimal("approved_claims_deducted")), Money.of(rs.getBigDecimal("approved_fee")), Money.of(refund),
                Money.of(rs.getBigDecimal("approved_dealer_chargeback")), Money.of(rs.getBigDecimal("approved_provider_share")),
                recomputed, recomputed ? "claims paid changed from " + quote.claimsPaid().amount().toPlainString() + " at the quote to "
                        + claimsPaid.amount().toPlainString() + " at approval" : null);
    }

    private static RefundQuote quote(ResultSet rs) throws SQLException {
        RefundQuote.AppliedRule rule = new RefundQuote.AppliedRule(rs.getString("rule_code"), rs.getInt("rule_version"),
                rs.getObject("rule_effective_from", LocalDate.class), rs.getString("rule_state"),
                rs.getString("rule_product"), RefundMethod.valueOf(rs.getString("method")), rs.getInt("free_look_days"),
                (Integer) rs.getObject("free_look_days_without_warranty"),
                rs.getBoolean("free_look_despite_claims"), FeeRule.Type.valueOf(rs.getString("fee_type")), money(rs.getBigDecimal("fee_flat")),
                rs.getBigDecimal("fee_percent"), money(rs.getBigDecimal("fee_cap")), rs.getBoolean("deducts_claims"),
                rs.getInt("refund_due_days"), rs.getString("late_penalty"), rs.getString("note"));
        return new RefundQuote(rs.getObject("quote_id", UUID.class), rs.getString("contract_number"), rs.getString("dealer_code"),
                rs.getString("contract_product"), rs.getString("customer_state"), CancellationReason.valueOf(rs.getString("quote_reason")),
                rs.getObject("cancel_date", LocalDate.class), (Integer) rs.getObject("odometer"), rule,
                RefundBasis.valueOf(rs.getString("basis")), rs.getInt("days_used"), rs.getInt("term_days"),
                (Integer) rs.getObject("miles_used"), (Integer) rs.getObject("term_miles"), (Integer) rs.getObject("months_used"),
                rs.getBigDecimal("unearned_share"), Money.of(rs.getBigDecimal("customer_price")), Money.of(rs.getBigDecimal("gross_refund")),
                Money.of(rs.getBigDecimal("claims_paid")), Money.of(rs.getBigDecimal("claims_deducted")), Money.of(rs.getBigDecimal("fee")),
                Money.of(rs.getBigDecimal("refund")), Money.of(rs.getBigDecimal("dealer_chargeback")),
                Money.of(rs.getBigDecimal("provider_share")), Payee.valueOf(rs.getString("payee")), rs.getString("lienholder"),
                rs.getObject("refund_due_date", LocalDate.class), rs.getTimestamp("quoted_at").toInstant(),
                rs.getTimestamp("valid_until").toInstant());
    }

    private static Money money(BigDecimal amount) {
        return amount == null ? null : Money.of(amount);
    }
}
