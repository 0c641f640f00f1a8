-- Reporting views: contract-service's published, read-only contract with batch-export-service.
-- The batch side reads these views and nothing else of this schema, so the tables behind them
-- may change as long as the views keep their columns and meaning. Adding a column is
-- compatible; renaming, removing or changing the meaning of one is a breaking change that
-- needs batch-export-service changed in the same release. Views are plain (not materialised):
-- a restarted export reads the same rows because every row carries the instant it happened
-- and the export freezes its window at a cutoff instant. No PII beyond what a register needs
-- (no customer names).
-- Grant in deployed databases: GRANT USAGE ON SCHEMA contract TO <batch role>;
--                              GRANT SELECT ON <these views> TO <batch role>;

-- Contract register: one row per contract that was issued (became ACTIVE), with the instant it
-- did. A contract becomes ACTIVE once (auto-approval at submission, or approval), so the row
-- and its issued_at never change afterwards; a later void or cancellation does not remove it.
CREATE VIEW contract_register_v AS
SELECT c.contract_number,
       c.dealer_code,
       c.deal_number,
       c.product_code,
       c.plan_code,
       c.vin,
       c.make,
       c.model_year,
       c.odometer,
       c.sale_date,
       c.term_months,
       c.term_miles,
       c.deductible,
       c.customer_price,            -- gross price paid by the customer
       c.dealer_cost,
       c.financed,
       c.customer_state,
       h.changed_at AS issued_at    -- the instant it became ACTIVE (= contract.activated.v1 occurredAt)
FROM contract c
JOIN contract_status_history h ON h.contract_number = c.contract_number AND h.to_status = 'ACTIVE';

-- Remittance register: one row per contract remitted, with its dealer cost due and the
-- remittance batch it was remitted on (= contract.remitted.v1, one per contract).
CREATE VIEW remittance_register_v AS
SELECT c.contract_number,
       c.dealer_code,
       c.make,
       c.product_code,
       r.remittance_id,
       c.dealer_cost,
       c.remitted_at
FROM contract c
JOIN remittance r ON r.remittance_id = c.remittance_id
WHERE c.remitted_at IS NOT NULL;

-- Published events: the platform's view published_event_v over this schema's outbox
-- (common-platform db/platform V0_6), since the outbox table is created after these migrations.
