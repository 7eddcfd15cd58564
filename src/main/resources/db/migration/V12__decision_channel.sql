-- The way a decision came in (api, tasklist, timer) is its channel everywhere: in the API, the
-- process variables, the platform's events and Operate. The columns follow.
ALTER TABLE order_history RENAME COLUMN door TO channel;
ALTER TABLE order_decisions RENAME COLUMN door TO channel;
