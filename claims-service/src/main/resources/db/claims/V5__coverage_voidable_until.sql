-- The last day the contract can be voided, as contract-service fixed it when issuing the contract
-- (contract.submitted.v1 voidableUntil). No claim is opened on the contract until two days after
-- it, so a void and a claim never both succeed; null for contracts submitted before it was
-- carried (fni.claims.assumed-void-window-days then stands in for it).
ALTER TABLE contract_coverage ADD COLUMN voidable_until date;
