-- A stand-in for a service's own state change, written in the same transaction as its events.
CREATE TABLE business_row (id text PRIMARY KEY);
