-- Fetcher state: feeds and their polling state, and the items already
-- published, so a restart republishes nothing. Replicas share feeds through
-- `FOR UPDATE SKIP LOCKED` claims with a lease (claimed_until).
CREATE TABLE feeds (
    url                    text PRIMARY KEY,
    name                   text,
    poll_interval_seconds  integer     NOT NULL DEFAULT 900,
    next_poll_at           timestamptz NOT NULL DEFAULT now(),
    claimed_by             text,
    claimed_until          timestamptz,
    etag                   text,
    last_modified          text,
    body_hash              text,
    last_polled_at         timestamptz,
    last_status            integer,
    last_error             text,
    items_published        bigint      NOT NULL DEFAULT 0
);

CREATE INDEX feeds_due_idx ON feeds (next_poll_at);

CREATE TABLE seen_items (
    article_id    text PRIMARY KEY,
    feed_url      text,
    url           text,
    content_hash  text,
    first_seen    timestamptz NOT NULL DEFAULT now()
);
