-- What a service published, for batch-export-service's reconciliation ("every record in a
-- file had its event published, and every event published for the date is in the file").
-- Read-only, part of each service's reporting contract like its reporting views; only what
-- reconciliation needs. Rows leave with the outbox retention (fni.outbox.retention).
CREATE VIEW published_event_v AS
SELECT event_id, event_type, aggregate_id, occurred_at, published_at, payload
FROM outbox_event
WHERE published_at IS NOT NULL;
