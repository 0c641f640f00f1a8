package com.fniexchange.export.support;

import com.fniexchange.testsupport.TestVins;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Cancellations written straight into cancellation-service's tables and outbox, as the service leaves them. */
public final class CancellationRows {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private CancellationRows() {
    }

    /** A contract as cancellation-service projects it, sold by {@code dealer} for 1000.00, of a Honda. Returns its number. */
    public static String contract(String dealer) {
        return contract(dealer, "Honda");
    }

    /** As {@link #contract(String)}, of this make (null: projected before the projection kept makes). */
    public static String contract(String dealer, String make) {
        String number = "VSC" + TestVins.next().substring(9) + "-X" + SEQUENCE.incrementAndGet();
        ContractRows.jdbc().sql("""
                INSERT INTO cancellation.contract_projection (contract_number, dealer_code, product_code, plan_code, sale_date,
                    term_months, term_miles, odometer_at_sale, dealer_cost, customer_price, financed, customer_state, make, status,
                    status_changed_at, updated_at)
                VALUES (:n, :dealer, 'VSC', 'VSC-36-36-100', DATE '2025-06-01', 36, 36000, 12000, 500.00, 1000.00, false, 'TX',
                    :make, 'ACTIVE', now(), now())""")
                .param("n", number).param("dealer", dealer).param("make", make, java.sql.Types.VARCHAR).update();
        return number;
    }

    /**
     * A cancellation requested an hour before {@code approvedAt} and approved then (or still
     * requested when {@code approvedAt} is null), refunding {@code refund} with {@code chargeback}
     * charged back to the dealer (fee 50.00, no claims); with {@code published}, its
     * cancellation.approved.v1 event: keyed by the contract number, the cancellation id in the payload.
     */
    public static UUID cancel(String contract, String dealer, Instant approvedAt, String refund, String chargeback,
                              boolean published) {
        UUID quote = UUID.randomUUID();
        UUID cancellation = UUID.randomUUID();
        BigDecimal fee = new BigDecimal("50.00");
        BigDecimal gross = new BigDecimal(refund).add(fee);
        BigDecimal chargedBack = new BigDecimal(chargeback);
        Instant requestedAt = (approvedAt == null ? Instant.now() : approvedAt).minusSeconds(3600);
        LocalDate cancelDate = requestedAt.atZone(ContractRows.ZONE).toLocalDate();
        ContractRows.jdbc().sql("""
                INSERT INTO cancellation.refund_quote (quote_id, contract_number, dealer_code, reason, cancel_date, odometer,
                    rule_code, rule_version, method, basis, days_used, term_days, miles_used, months_used, unearned_share, customer_price,
                    gross_refund, claims_paid, claims_deducted, fee, refund, dealer_chargeback, provider_share, payee,
                    refund_due_date, quoted_by, quoted_at, valid_until)
                VALUES (:q, :n, :dealer, 'CUSTOMER_REQUEST', :cancelDate, 20000, 'TX-VSC', 1, 'LESSER_OF_TIME_OR_MILES', 'DAYS',
                    300, 1095, 8000, 10, 0.700000, 1000.00, :gross, 0.00, 0.00, :fee, :refund, :chargeback, :providerShare,
                    'CUSTOMER', :due, 'test', :requestedAt, :requestedAt)""")
                .param("q", quote).param("n", contract).param("dealer", dealer).param("cancelDate", cancelDate)
                .param("gross", gross).param("fee", fee).param("refund", new BigDecimal(refund)).param("chargeback", chargedBack)
                .param("providerShare", gross.subtract(chargedBack)).param("due", cancelDate.plusDays(45))
                .param("requestedAt", Timestamp.from(requestedAt)).update();
        ContractRows.jdbc().sql("""
                INSERT INTO cancellation.cancellation (cancellation_id, quote_id, contract_number, dealer_code, reason, status,
                    requested_by, requested_at, approved_by, approved_at, updated_at,
                    approved_basis, approved_unearned_share, approved_gross_refund, approved_claims_paid,
                    approved_claims_deducted, approved_fee, approved_refund, approved_dealer_chargeback, approved_provider_share)
                -- approved with no claim paid since the quote: the approved amounts are the quote's
                SELECT :c, :q, :n, :dealer, 'CUSTOMER_REQUEST', :status, 'test', :requestedAt, :by, :approvedAt, :updatedAt,
                    a.basis, a.unearned_share, a.gross_refund, a.claims_paid, a.claims_deducted, a.fee, a.refund,
                    a.dealer_chargeback, a.provider_share
                FROM (SELECT 1) AS one
                LEFT JOIN cancellation.refund_quote a ON a.quote_id = :q AND CAST(:status AS text) = 'APPROVED'""")
                .param("c", cancellation).param("q", quote).param("n", contract).param("dealer", dealer)
                .param("status", approvedAt == null ? "REQUESTED" : "APPROVED").param("requestedAt", Timestamp.from(requestedAt))
                .param("by", approvedAt == null ? null : "ops")
                .param("approvedAt", approvedAt == null ? null : Timestamp.from(approvedAt))
                .param("updatedAt", Timestamp.from(approvedAt == null ? requestedAt : approvedAt)).update();
        if (published && approvedAt != null) {
            ContractRows.jdbc().sql("""
                    INSERT INTO cancellation.outbox_event (event_id, destination, event_type, aggregate_id, payload, headers,
                        occurred_at, published_at)
                    VALUES (:event, 'cancellation-events', 'com.fniexchange.cancellation.approved.v1', :n, CAST(:payload AS json),
                        '{}'::jsonb, :at, now())""")
                    .param("event", UUID.randomUUID()).param("n", contract).param("at", Timestamp.from(approvedAt))
                    .param("payload", """
                            {"contractNumber":"%s","dealerCode":"%s","cancellationId":"%s","reason":"CUSTOMER_REQUEST",\
                            "cancelDate":"%s","refund":%s,"dealerChargeback":%s,"payee":"CUSTOMER","refundDueDate":"%s",\
                            "approvedBy":"ops","occurredAt":"%s"}"""
                            .formatted(contract, dealer, cancellation, cancelDate, refund, chargeback, cancelDate.plusDays(45),
                                    approvedAt))
                    .update();
        }
        return cancellation;
    }
}
