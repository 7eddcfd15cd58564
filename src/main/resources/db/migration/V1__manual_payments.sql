-- Portable across MySQL 8.4, MariaDB 10.11 and H2 in MySQL mode (the embedded run):
-- no engine or charset clauses, constraints and indexes in standard SQL.

CREATE TABLE payment_systems (
    id                   BIGINT        NOT NULL AUTO_INCREMENT,
    kind                 VARCHAR(16)   NOT NULL,
    name                 VARCHAR(200)  NOT NULL,
    description          VARCHAR(2000),
    commission_percent   DECIMAL(7, 4) NOT NULL,
    fixed_fee_amount     DECIMAL(19, 4),
    fixed_fee_currency   VARCHAR(3),
    account_currency     VARCHAR(3)       NOT NULL,
    transaction_currency VARCHAR(3)       NOT NULL,
    supported_currencies VARCHAR(1000) NOT NULL,
    comment_hint         VARCHAR(500),
    image_url            VARCHAR(2000),
    created_at           DATETIME(6)   NOT NULL,
    version              BIGINT        NOT NULL,
    CONSTRAINT pk_payment_systems PRIMARY KEY (id)
);

CREATE TABLE offers (
    id                  BIGINT         NOT NULL AUTO_INCREMENT,
    name                VARCHAR(200)   NOT NULL,
    price_amount        DECIMAL(19, 4) NOT NULL,
    price_currency      VARCHAR(3)        NOT NULL,
    payment_system_id   BIGINT         NOT NULL,
    confirmation_window VARCHAR(32)    NOT NULL,
    created_at          DATETIME(6)    NOT NULL,
    CONSTRAINT pk_offers PRIMARY KEY (id),
    CONSTRAINT fk_offers_payment_system FOREIGN KEY (payment_system_id) REFERENCES payment_systems (id)
);

CREATE TABLE crm_clients (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    name       VARCHAR(200) NOT NULL,
    email      VARCHAR(254),
    phone      VARCHAR(32),
    created_at DATETIME(6)  NOT NULL,
    CONSTRAINT pk_crm_clients PRIMARY KEY (id)
);

CREATE TABLE exchange_rates (
    from_currency VARCHAR(3)        NOT NULL,
    to_currency   VARCHAR(3)        NOT NULL,
    rate          DECIMAL(24, 10) NOT NULL,
    updated_at    DATETIME(6)    NOT NULL,
    CONSTRAINT pk_exchange_rates PRIMARY KEY (from_currency, to_currency)
);

CREATE TABLE orders (
    id                   VARCHAR(36)       NOT NULL,
    source               VARCHAR(16)    NOT NULL,
    status               VARCHAR(16)    NOT NULL,
    client_id            BIGINT         NOT NULL,
    offer_id             BIGINT         NOT NULL,
    payment_system_id    BIGINT         NOT NULL,
    submitted_amount     DECIMAL(19, 4) NOT NULL,
    submitted_currency   VARCHAR(3)        NOT NULL,
    final_amount         DECIMAL(19, 4) NOT NULL,
    final_currency       VARCHAR(3)        NOT NULL,
    payment_date         DATE           NOT NULL,
    comment              VARCHAR(1000),
    contact_email        VARCHAR(254),
    contact_phone        VARCHAR(32),
    fee_amount           DECIMAL(19, 4) NOT NULL,
    fee_currency         VARCHAR(3)        NOT NULL,
    net_amount           DECIMAL(19, 4) NOT NULL,
    net_currency         VARCHAR(3)        NOT NULL,
    review_timeout       VARCHAR(32)    NOT NULL,
    review_deadline      DATETIME(6)    NOT NULL,
    rejection_reason     VARCHAR(16),
    process_instance_key BIGINT,
    -- Set once by the API when it forwards a decision or a refund, so that a second request
    -- conflicts at once instead of racing the process; the status itself is only written by workers.
    pending_action       VARCHAR(16),
    submitted_at         DATETIME(6)    NOT NULL,
    updated_at           DATETIME(6)    NOT NULL,
    version              BIGINT         NOT NULL,
    CONSTRAINT pk_orders PRIMARY KEY (id),
    CONSTRAINT fk_orders_client FOREIGN KEY (client_id) REFERENCES crm_clients (id),
    CONSTRAINT fk_orders_offer FOREIGN KEY (offer_id) REFERENCES offers (id)
);
CREATE INDEX idx_orders_status_submitted ON orders (status, submitted_at, id);
CREATE INDEX idx_orders_client_submitted ON orders (client_id, submitted_at, id);
CREATE INDEX idx_orders_submitted ON orders (submitted_at, id);

-- One row per status change and per corrected field. The unique key makes a redelivered
-- worker job unable to write the same change twice.
CREATE TABLE order_history (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    order_id    VARCHAR(36)      NOT NULL,
    event       VARCHAR(16)   NOT NULL,
    field       VARCHAR(32)   NOT NULL,
    from_value  VARCHAR(1000),
    to_value    VARCHAR(1000),
    actor       VARCHAR(100)  NOT NULL,
    door        VARCHAR(16)   NOT NULL,
    comment     VARCHAR(1000),
    created_at  DATETIME(6)   NOT NULL,
    CONSTRAINT pk_order_history PRIMARY KEY (id),
    CONSTRAINT uk_order_history_change UNIQUE (order_id, event, field),
    CONSTRAINT fk_order_history_order FOREIGN KEY (order_id) REFERENCES orders (id)
);

-- The CRM's view of a client's orders (the client card's order history), kept by the CRM worker.
CREATE TABLE crm_client_orders (
    order_id   VARCHAR(36)       NOT NULL,
    client_id  BIGINT         NOT NULL,
    offer_id   BIGINT         NOT NULL,
    status     VARCHAR(16)    NOT NULL,
    amount     DECIMAL(19, 4) NOT NULL,
    currency   VARCHAR(3)        NOT NULL,
    updated_at DATETIME(6)    NOT NULL,
    CONSTRAINT pk_crm_client_orders PRIMARY KEY (order_id),
    CONSTRAINT fk_crm_client_orders_client FOREIGN KEY (client_id) REFERENCES crm_clients (id)
);
CREATE INDEX idx_crm_client_orders_client ON crm_client_orders (client_id, updated_at);

CREATE TABLE chat_indicators (
    id         BIGINT        NOT NULL AUTO_INCREMENT,
    order_id   VARCHAR(36)      NOT NULL,
    client_id  BIGINT        NOT NULL,
    status     VARCHAR(16)   NOT NULL,
    text       VARCHAR(1000) NOT NULL,
    created_at DATETIME(6)   NOT NULL,
    CONSTRAINT pk_chat_indicators PRIMARY KEY (id),
    CONSTRAINT uk_chat_indicators_status UNIQUE (order_id, status),
    CONSTRAINT fk_chat_indicators_client FOREIGN KEY (client_id) REFERENCES crm_clients (id)
);
CREATE INDEX idx_chat_indicators_client ON chat_indicators (client_id, created_at);
