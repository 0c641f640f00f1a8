-- The cancellations register as batch-export-service reads it: this view is cancellation-service's
-- published contract with the batch side (columns are only ever added). One row per cancellation,
-- with the quote's amounts it was made on. updated_at lets an extract freeze the rows as of the
-- end of its business date.
CREATE VIEW cancellation_register AS
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
       c.updated_at
FROM cancellation c
JOIN refund_quote q ON q.quote_id = c.quote_id
JOIN contract_projection p ON p.contract_number = c.contract_number;

COMMENT ON VIEW cancellation_register IS
    'Cancellations register for batch-export-service: refund, fee, claims deducted, dealer chargeback, payee and deadline per cancellation';
