-- cancellation_register, the reporting view batch-export-service reads (as fni_reporting), kept
-- here from this release on: Flyway re-applies this file after the versioned migrations whenever
-- it changes, so the view is edited in place instead of copied into a new version.
-- Columns are only ever added, at the end (CREATE OR REPLACE VIEW keeps the existing ones and
-- their grants, and batch-export-service's reads keep working); a change that must drop or
-- reorder a column needs DROP VIEW and the grant of V5 again.
-- make: the vehicle's make from the contract projection (V6), what partners entitled by make are
-- matched on; null for contracts projected before it existed. rule_version: the version of the
-- refund rule (V7) the quote was computed, and the cancellation approved, under.
CREATE OR REPLACE VIEW cancellation_register AS
SELECT c.cancellation_id,
       c.contract_number,
       c.dealer_code,
       p.product_code,
       p.plan_code,
       p.customer_state,
       p.sale_date,
       c.reason,
       q.cancel_date,
       q.odometer                                          AS cancel_odometer,
       c.status,
       q.rule_code,
       q.method,
       coalesce(c.approved_basis, q.basis)                 AS basis,
       q.customer_price,
       coalesce(c.approved_gross_refund, q.gross_refund)   AS gross_refund,
       coalesce(c.approved_claims_deducted, q.claims_deducted) AS claims_deducted,
       coalesce(c.approved_fee, q.fee)                     AS fee,
       coalesce(c.approved_refund, q.refund)               AS refund,
       coalesce(c.approved_dealer_chargeback, q.dealer_chargeback) AS dealer_chargeback,
       coalesce(c.approved_provider_share, q.provider_share) AS provider_share,
       q.payee,
       q.lienholder,
       q.refund_due_date,
       c.payment_method,
       c.payment_reference,
       c.paid_date,
       c.requested_at,
       c.approved_at,
       c.refund_paid_at,
       c.updated_at,
       p.dealer_code                                       AS selling_dealer_code,
       c.recomputed_at_approval,
       p.make,
       q.rule_version
FROM cancellation c
JOIN refund_quote q ON q.quote_id = c.quote_id
JOIN contract_projection p ON p.contract_number = c.contract_number;
