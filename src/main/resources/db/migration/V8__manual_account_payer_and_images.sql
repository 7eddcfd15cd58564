-- The manual account (spec §6): the CRM client that keeps the payments a manager records from any
-- user of the platform. It always exists; the API finds it by its flag, never by its id.
ALTER TABLE crm_clients ADD COLUMN manual_account BOOLEAN NOT NULL DEFAULT FALSE;
INSERT INTO crm_clients (name, email, phone, created_at, manual_account)
    VALUES ('Manual account', NULL, NULL, CURRENT_TIMESTAMP(6), TRUE);

-- Who paid an order of the manual account; the payer's email and phone go to contact_email and
-- contact_phone, as for any payment a manager adds. Personal data: never a process variable.
ALTER TABLE orders ADD COLUMN payer_name VARCHAR(200);
ALTER TABLE orders ADD COLUMN payer_platform_user_id VARCHAR(100);

-- A payment system's uploaded image (spec §1), served with its type and an ETag. MEDIUMBLOB holds
-- the 1 MiB the API accepts (a BLOB holds 64 KiB); H2 reads it as a BLOB.
CREATE TABLE payment_system_images (
    payment_system_id BIGINT       NOT NULL,
    content_type      VARCHAR(32)  NOT NULL,
    content           MEDIUMBLOB   NOT NULL,
    etag              VARCHAR(64)  NOT NULL,
    updated_at        DATETIME(6)  NOT NULL,
    CONSTRAINT pk_payment_system_images PRIMARY KEY (payment_system_id),
    CONSTRAINT fk_payment_system_images_payment_system FOREIGN KEY (payment_system_id) REFERENCES payment_systems (id)
);
