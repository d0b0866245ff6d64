-- Polls of a feed that failed in a row, reset by a poll that succeeds:
-- what the "feed failing" alert reads (every fetcher replica reports it
-- from here, so replicas agree).
ALTER TABLE feeds ADD COLUMN consecutive_failures integer NOT NULL DEFAULT 0;
