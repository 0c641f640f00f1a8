-- The claims register as batch-export-service reads it (read-only): the published contract
-- between claims-service and the batch side. Columns may be added; none is renamed or removed
-- without a new view. The register endpoint (GET /api/v1/claims/register) reads it too.
CREATE VIEW claim_register AS
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
       c.updated_at
FROM claim c
JOIN contract_coverage cc USING (contract_number);

COMMENT ON VIEW claim_register IS
    'Claims register (Florida 634.136 fields) for batch-export-service; read-only, owned by claims-service';
