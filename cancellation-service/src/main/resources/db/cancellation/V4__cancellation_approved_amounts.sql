-- The amounts a cancellation is approved for. A claim paid between the request and the approval
-- changes the refund (the claims deduction, and for some states whether the free look still
-- applies), so the approval recomputes it with the claims paid to date and stores it here; the
-- quote keeps what was quoted. Null until approved.
ALTER TABLE cancellation
    ADD COLUMN approved_basis             text          CHECK (approved_basis IN ('FREE_LOOK', 'DAYS', 'MILES', 'MONTHS')),
    ADD COLUMN approved_unearned_share    numeric(8,6),
    ADD COLUMN approved_gross_refund      numeric(12,2),
    ADD COLUMN approved_claims_paid       numeric(12,2),
    ADD COLUMN approved_claims_deducted   numeric(12,2),
    ADD COLUMN approved_fee               numeric(12,2),
    ADD COLUMN approved_refund            numeric(12,2) CHECK (approved_refund >= 0),
    ADD COLUMN approved_dealer_chargeback numeric(12,2),
    ADD COLUMN approved_provider_share    numeric(12,2),
    -- true when the approved amounts differ from the quote's because claims paid changed
    ADD COLUMN recomputed_at_approval     boolean       NOT NULL DEFAULT false;

-- cancellations approved before this column existed were approved at the quote's amounts
UPDATE cancellation c
SET approved_basis = q.basis, approved_unearned_share = q.unearned_share, approved_gross_refund = q.gross_refund,
    approved_claims_paid = q.claims_paid, approved_claims_deducted = q.claims_deducted, approved_fee = q.fee,
    approved_refund = q.refund, approved_dealer_chargeback = q.dealer_chargeback, approved_provider_share = q.provider_share
FROM refund_quote q
WHERE q.quote_id = c.quote_id AND c.status <> 'REQUESTED';

ALTER TABLE cancellation
    ADD CONSTRAINT cancellation_approved_amounts_all_or_none CHECK (
        (approved_refund IS NULL) = (status = 'REQUESTED')
        AND num_nulls(approved_basis, approved_unearned_share, approved_gross_refund, approved_claims_paid, approved_claims_deducted,
                      approved_fee, approved_refund, approved_dealer_chargeback, approved_provider_share) IN (0, 9)),
    ADD CONSTRAINT cancellation_approved_refund_adds_up CHECK (approved_refund = approved_gross_refund - approved_claims_deducted - approved_fee),
    ADD CONSTRAINT cancellation_approved_gross_adds_up CHECK (approved_gross_refund = approved_provider_share + approved_dealer_chargeback);

-- The register reads the amounts that apply: the approved ones once approved, the quote's before.
-- Columns are only ever added (at the end), so batch-export-service's reads keep working.
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
       c.recomputed_at_approval
FROM cancellation c
JOIN refund_quote q ON q.quote_id = c.quote_id
JOIN contract_projection p ON p.contract_number = c.contract_number;
