-- The review queue (GET /api/v1/orders?status=OPEN&sort=reviewDeadline, optionally with
-- deadlineBefore) is read soonest deadline first, a keyset page at a time: this index holds the
-- open orders in that order, so a page is a range read that stops at its end and the cursor is
-- tested on the index entries, as V3's indexes do for the newest-first lists.
-- No index serves the client search (a match anywhere inside a name, email or phone); see
-- ClientRepository.search.
CREATE INDEX idx_orders_status_deadline ON orders (status, review_deadline, id);
