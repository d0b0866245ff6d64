-- The event store: every fact tidings knows, appended once, never changed.
-- position orders replay; event_id is unique so a redelivered or duplicate
-- message changes nothing; stream_id is the article id; payload is the
-- protobuf message exactly as received (schema_version names its package).
CREATE TABLE event_store (
    position        bigserial   PRIMARY KEY,
    event_id        text        NOT NULL UNIQUE,
    stream_id       text        NOT NULL,
    event_type      text        NOT NULL,
    schema_version  integer     NOT NULL,
    payload         bytea       NOT NULL,
    metadata        jsonb       NOT NULL DEFAULT '{}'::jsonb,
    recorded_at     timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX event_store_stream_idx ON event_store (stream_id, position);
CREATE INDEX event_store_type_idx ON event_store (event_type, position);

CREATE FUNCTION event_store_is_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'event_store is append-only (% refused)', TG_OP;
END;
$$;

CREATE TRIGGER event_store_append_only
    BEFORE UPDATE OR DELETE ON event_store
    FOR EACH ROW EXECUTE FUNCTION event_store_is_append_only();
