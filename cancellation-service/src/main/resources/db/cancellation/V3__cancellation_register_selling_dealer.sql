-- What batch-export-service needs of cancellation_register, added at the end (CREATE OR REPLACE
-- VIEW keeps the existing columns): the selling dealer as the contract projection has it, which
-- partners are entitled by. The projection holds no make (contract events project none here), so
-- the cancellations register is entitled by dealer only: a partner entitled by make receives none
-- of it (batch-export-service documents this). Its business instant is approved_at, set once when
-- the cancellation is approved and never changed (updated_at moves again when the refund is paid).
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
       q.odometer                AS cancel_odometer,
       c.status,
       q.rule_code,
       q.method,
       q.basis,
       q.customer_price,
       q.gross_refund,
       q.claims_deducted,
       q.fee,
       q.refund,
       q.dealer_chargeback,
       q.provider_share,
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
       p.dealer_code             AS selling_dealer_code
FROM cancellation c
JOIN refund_quote q ON q.quote_id = c.quote_id
JOIN contract_projection p ON p.contract_number = c.contract_number;

COMMENT ON VIEW cancellation_register IS
    'Cancellations register for batch-export-service: refund, fee, claims deducted, dealer chargeback, payee and deadline per cancellation';
COMMENT ON COLUMN cancellation_register.approved_at IS 'when the cancellation was approved; set once: the batch cancellations register''s business instant';
