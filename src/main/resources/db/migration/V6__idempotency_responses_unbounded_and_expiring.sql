-- A stored response has no size limit: the record commits in the business write's transaction,
-- and a response too long for its column would roll that write back.
ALTER TABLE idempotency_keys MODIFY response_body LONGTEXT;

-- Keys expire a configured time after their first request; the purge finds expired rows by age.
CREATE INDEX idx_idempotency_keys_created ON idempotency_keys (created_at);
