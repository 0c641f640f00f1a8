-- One-off, after upgrading to the release whose cancellation-service V6 added the make to its
-- contract projection: contracts projected before it have no make, so a partner entitled by make
-- receives none of their cancellations. This copies the make from contract-service's contracts.
-- Only the database admin can read both schemas (no service role can: README "Database roles").
-- Idempotent; touches only projection rows without a make.
--
--     psql "host=db.internal dbname=fni user=admin" -v ON_ERROR_STOP=1 -f deploy/db/backfill-projection-make.sql
UPDATE cancellation.contract_projection p
SET make = c.make, updated_at = now()
FROM contract.contract c
WHERE c.contract_number = p.contract_number
  AND p.make IS NULL
  AND c.make IS NOT NULL;
