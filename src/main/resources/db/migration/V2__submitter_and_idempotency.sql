-- Who submitted an order through the API: a platform account reads only its own orders.
ALTER TABLE orders ADD COLUMN submitted_by VARCHAR(100) NOT NULL DEFAULT 'unknown';
CREATE INDEX idx_orders_submitter_submitted ON orders (submitted_by, submitted_at, id);

-- The first response to each Idempotency-Key, per caller, replayed for repeats of the same request.
CREATE TABLE idempotency_keys (
    principal       VARCHAR(100)  NOT NULL,
    idempotency_key VARCHAR(100)  NOT NULL,
    fingerprint     VARCHAR(64)   NOT NULL,
    status_code     INT,
    content_type    VARCHAR(100),
    response_body   VARCHAR(8000),
    created_at      DATETIME(6)   NOT NULL,
    completed_at    DATETIME(6),
    CONSTRAINT pk_idempotency_keys PRIMARY KEY (principal, idempotency_key)
);
