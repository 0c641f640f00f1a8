-- Idempotency-Key replay store (common-platform). A key is scoped to its caller (a dealer, or
-- a named user); the stored response is replayed for the same key and body until expires_at.
CREATE TABLE idempotency_key (
    caller        text        NOT NULL,
    idem_key      text        NOT NULL,
    request_hash  text        NOT NULL,
    -- null while the first request is still being processed
    status        integer,
    content_type  text,
    location      text,
    response_body bytea,
    created_at    timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz NOT NULL,
    PRIMARY KEY (caller, idem_key)
);

CREATE INDEX idempotency_key_expires_at ON idempotency_key (expires_at);
