-- The last day a contract can be voided, fixed when it is issued (sale date + fni.contract.void-window-days)
-- and carried on contract.submitted.v1: claims-service opens no claim on a contract until two days
-- after it, so a void and a claim can never both succeed, whichever would commit first. Null for
-- contracts issued before: their void window is the configured one, as before.
ALTER TABLE contract ADD COLUMN voidable_until date;
