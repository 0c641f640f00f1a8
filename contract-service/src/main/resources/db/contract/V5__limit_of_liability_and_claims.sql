-- Limit of liability: the most the provider pays on one contract, all claims together. A fixed
-- aggregate cap per plan, stated on each contract as sold (the catalog may change afterwards)
-- and carried on contract.submitted.v1, so claims-service can enforce it.
ALTER TABLE plan ADD COLUMN limit_of_liability numeric(12,2) CHECK (limit_of_liability > 0);

UPDATE plan SET limit_of_liability = CASE plan_code
    WHEN 'VSC-36-36-100'  THEN 10000.00
    WHEN 'VSC-48-60-100'  THEN 12500.00
    WHEN 'VSC-60-75-100'  THEN 15000.00
    WHEN 'VSC-60-75-0'    THEN 15000.00
    WHEN 'VSC-84-100-250' THEN 20000.00
    WHEN 'VSC-84-125-0'   THEN 25000.00
    WHEN 'GAP-72'         THEN 50000.00
    WHEN 'GAP-84'         THEN 50000.00
    WHEN 'TW-36'          THEN 5000.00
    WHEN 'TW-60'          THEN 5000.00
    WHEN 'APP-60'         THEN 2500.00
    END;
-- a plan added later without a cap gets one of its own choosing, never none
UPDATE plan SET limit_of_liability = 10000.00 WHERE limit_of_liability IS NULL;
ALTER TABLE plan ALTER COLUMN limit_of_liability SET NOT NULL;

ALTER TABLE contract ADD COLUMN limit_of_liability numeric(12,2);
UPDATE contract c SET limit_of_liability = p.limit_of_liability FROM plan p WHERE p.plan_code = c.plan_code;
ALTER TABLE contract ALTER COLUMN limit_of_liability SET NOT NULL;

-- Kept from claim-events (claims-service): claim_count (V2) counts claims opened, and
-- claims_paid_to_date is the contract's total paid, as the latest claim.paid.v1 states it.
ALTER TABLE contract ADD COLUMN claims_paid_to_date numeric(12,2) NOT NULL DEFAULT 0 CHECK (claims_paid_to_date >= 0);
