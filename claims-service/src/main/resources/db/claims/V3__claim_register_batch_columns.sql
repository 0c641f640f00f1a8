-- What batch-export-service needs of claim_register, added at the end (CREATE OR REPLACE VIEW
-- keeps the existing columns, names and order): the make of the covered vehicle (partners are
-- entitled by selling dealer, already issuing_dealer, and by make), and the immutable instants
-- a claim's business date can be taken from. The batch claims register is the claims PAID on
-- a date: paid_at is set once when the claim is paid and never changes, unlike updated_at;
-- paid_amount is what was paid (amount falls back to authorised/estimated for unpaid claims).
CREATE OR REPLACE VIEW claim_register AS
SELECT c.claim_id,
       c.contract_number,
       c.claim_date,
       cc.product_code                                          AS claim_type,
       cc.dealer_code                                           AS issuing_dealer,
       c.repair_facility,
       c.repair_order_number,
       c.status,
       -- what was paid, else what was authorised, else what was estimated
       COALESCE(c.paid_amount, c.authorized_amount, c.estimate_total) AS amount,
       c.paid_date,
       CASE
           WHEN c.disposition IS NOT NULL THEN c.disposition
           WHEN c.status = 'PAID' THEN 'PAID'
           WHEN c.status = 'DENIED' THEN 'DENIED'
           ELSE 'OPEN'
       END                                                      AS disposition,
       -- the reason when not paid
       CASE WHEN c.status = 'PAID' OR c.disposition = 'PAID' THEN NULL ELSE c.disposition_reason END AS disposition_reason,
       c.updated_at,
       upper(cc.make)                                           AS make,
       c.opened_at,
       c.paid_at,
       c.paid_amount
FROM claim c
JOIN contract_coverage cc USING (contract_number);

COMMENT ON VIEW claim_register IS
    'Claims register (Florida 634.136 fields) for batch-export-service; read-only, owned by claims-service';
COMMENT ON COLUMN claim_register.issuing_dealer IS 'the dealer that sold the contract (entitlement by dealer)';
COMMENT ON COLUMN claim_register.paid_at IS 'when the claim was paid; set once: the batch claims register''s business instant';
