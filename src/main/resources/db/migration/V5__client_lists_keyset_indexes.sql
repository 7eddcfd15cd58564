-- A client's order history and chat indicators are read a keyset page at a time (CrmOrderHistory,
-- ChatIndicators): the history newest update first, then by order id; the indicators by id. Indexes
-- in the pages' order let a page start at its cursor instead of sorting the client's every row.
-- Each new index is made before the old one it replaces is dropped, so the foreign key on
-- client_id always has an index (as in V3).
CREATE INDEX idx_crm_client_orders_client_newest ON crm_client_orders (client_id, updated_at DESC, order_id DESC);
CREATE INDEX idx_chat_indicators_client_id ON chat_indicators (client_id, id);
DROP INDEX idx_crm_client_orders_client ON crm_client_orders;
DROP INDEX idx_chat_indicators_client ON chat_indicators;
