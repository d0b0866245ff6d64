-- Events analysts can trust: actors with their sector and GDELT-style actor
-- code, week and article date precision, the place's country, how many
-- sentences report an event, and intentions kept apart from acts.
ALTER TABLE world_events
    ADD COLUMN source_sector         text,
    ADD COLUMN source_actor_code     text,
    ADD COLUMN target_sector         text,
    ADD COLUMN target_actor_code     text,
    ADD COLUMN place_country         text,
    ADD COLUMN supporting_sentences  integer NOT NULL DEFAULT 1,
    ADD COLUMN is_intention          boolean NOT NULL DEFAULT false;

CREATE INDEX world_events_dyad_idx ON world_events (source_country, target_country, event_date);

-- The article's tone on GDELT's scale, with its parts.
ALTER TABLE articles
    ADD COLUMN tone_positive  double precision,
    ADD COLUMN tone_negative  double precision,
    ADD COLUMN tone_polarity  double precision,
    ADD COLUMN word_count     integer;

-- Quotations and who said them.
CREATE TABLE event_quotes (
    article      text    NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start_char   integer NOT NULL,
    end_char     integer NOT NULL,
    speaker_key  text,
    quote        text    NOT NULL,
    PRIMARY KEY (article, start_char)
);

CREATE INDEX event_quotes_speaker_idx ON event_quotes (speaker_key);

-- Country-to-country events per day and quad class: acts, with intentions
-- counted apart ("will meet" is not a meeting).
DROP VIEW daily_dyads;
CREATE VIEW daily_dyads AS
SELECT event_date                                     AS day,
       source_country,
       target_country,
       quad_class,
       count(*) FILTER (WHERE NOT is_intention)::bigint AS events,
       count(*) FILTER (WHERE is_intention)::bigint     AS intentions,
       avg(goldstein) FILTER (WHERE NOT is_intention)   AS avg_goldstein
FROM world_events
WHERE event_date IS NOT NULL
  AND source_country IS NOT NULL
  AND target_country IS NOT NULL
GROUP BY 1, 2, 3, 4;
