-- Runs of `tidings-projector reprocess`: what each selected, how far it has
-- come (the last article id confirmed by the broker), so that a run
-- stopped by a crash or Ctrl-C continues where it was.
CREATE TABLE reprocess_runs (
    name         text PRIMARY KEY,
    selection    jsonb       NOT NULL,
    cursor       text        NOT NULL DEFAULT '',
    selected     bigint      NOT NULL,
    sent         bigint      NOT NULL DEFAULT 0,
    started_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    finished_at  timestamptz
);
