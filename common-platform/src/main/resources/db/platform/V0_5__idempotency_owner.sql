-- The request that holds a key. A request taken over after fni.idempotency.abandon-after gets a
-- new owner; the old one's late complete or release matches no row, so it cannot overwrite or
-- delete the new owner's. Null only on rows claimed before this column existed.
ALTER TABLE idempotency_key ADD COLUMN owner uuid;
