-- One decision per order. Each door (the API, Tasklist's completing listener, the deadline) claims
-- the order by inserting its decision here, validated and priced, before the decision takes
-- effect; the primary key lets only one in. The process's workers then apply the claimed decision.
CREATE TABLE order_decisions (
    order_id         VARCHAR(36)    NOT NULL,
    -- The door's own id: the API's message id, the Tasklist task, or the deadline.
    decision_id      VARCHAR(250)   NOT NULL,
    decision         VARCHAR(16)    NOT NULL,
    door             VARCHAR(16)    NOT NULL,
    decided_by       VARCHAR(100)   NOT NULL,
    amount           DECIMAL(19, 4) NOT NULL,
    currency         VARCHAR(3)     NOT NULL,
    fee_amount       DECIMAL(19, 4) NOT NULL,
    fee_currency     VARCHAR(3)     NOT NULL,
    net_amount       DECIMAL(19, 4) NOT NULL,
    net_currency     VARCHAR(3)     NOT NULL,
    payment_date     DATE           NOT NULL,
    manager_comment  VARCHAR(1000),
    rejection_reason VARCHAR(16),
    claimed_at       DATETIME(6)    NOT NULL,
    CONSTRAINT pk_order_decisions PRIMARY KEY (order_id),
    CONSTRAINT fk_order_decisions_order FOREIGN KEY (order_id) REFERENCES orders (id)
);

-- The deciding manager's comment sits beside the client's (orders.comment), which never changes.
ALTER TABLE orders ADD COLUMN manager_comment VARCHAR(1000);
