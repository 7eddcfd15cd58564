-- The event each chat indicator is delivered to the platform as, written with the indicator so
-- that every retry of a delivery sends the same body under the same webhook id. Null for
-- indicators posted before events were kept; their job fills it in if it runs again.
ALTER TABLE chat_indicators ADD COLUMN event_body VARCHAR(4000);
