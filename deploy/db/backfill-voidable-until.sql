-- One-off, after upgrading to the release that fixes each contract's last voidable day
-- (contract-service V10, claims-service V5): contracts issued before it have none, so their void
-- window is contract-service's setting and claims-service's assumption, which must then agree.
-- This gives them the date in both services, from the provider's void window: 30 days below,
-- contract-service's default. EDIT IT if fni.contract.void-window-days is set to another value.
-- Run as the database admin, the only one who reads both schemas. Idempotent; touches only rows
-- without a date, and no row's updated_at (dealers' "updated since" listings stay as they were).
--
--     psql "host=db.internal dbname=fni user=admin" -v ON_ERROR_STOP=1 -f deploy/db/backfill-voidable-until.sql
UPDATE contract.contract
SET voidable_until = sale_date + 30
WHERE voidable_until IS NULL;

UPDATE claims.contract_coverage cov
SET voidable_until = c.voidable_until
FROM contract.contract c
WHERE c.contract_number = cov.contract_number
  AND cov.voidable_until IS NULL
  AND c.voidable_until IS NOT NULL;
