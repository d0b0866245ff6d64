-- Flat cost per article: entity aggregates are maintained by deltas and a
-- rollup keyed by entity and day, never recomputed from the history.
--
-- article_entities keeps the day each row counted on, so a re-analysis
-- subtracts exactly what it once added.
ALTER TABLE article_entities ADD COLUMN day date;
UPDATE article_entities ae
   SET day = (coalesce(a.published_at, a.fetched_at) AT TIME ZONE 'UTC')::date
  FROM articles a
 WHERE a.id = ae.article;

-- Mentions and articles of an entity per day: what dashboards chart, and
-- where first and last sightings are read.
CREATE TABLE entity_daily (
    entity    text    NOT NULL,
    day       date    NOT NULL,
    mentions  integer NOT NULL DEFAULT 0,
    articles  integer NOT NULL DEFAULT 0,
    PRIMARY KEY (entity, day)
);
INSERT INTO entity_daily (entity, day, mentions, articles)
SELECT entity, day, sum(mentions), count(*)
  FROM article_entities
 WHERE day IS NOT NULL
 GROUP BY 1, 2;

CREATE INDEX entity_daily_day_idx ON entity_daily (day, mentions DESC);

-- Which analysis revision an attribute came from: a newer extractor
-- corrects it, and equal revisions settle on one value in any order.
ALTER TABLE entities ADD COLUMN revision integer NOT NULL DEFAULT 0;
ALTER TABLE entities DROP COLUMN first_seen, DROP COLUMN last_seen;

-- The analysis revision carried in the message decides which analysis of
-- an article is the newest; fetch times give the end-to-end latency.
ALTER TABLE articles ADD COLUMN analysis_revision integer;

-- First and last day an entity was seen, read from the rollup.
CREATE VIEW entity_overview AS
SELECT e.*,
       (SELECT min(d.day) FROM entity_daily d WHERE d.entity = e.key AND d.articles > 0) AS first_seen,
       (SELECT max(d.day) FROM entity_daily d WHERE d.entity = e.key AND d.articles > 0) AS last_seen
  FROM entities e;

DROP VIEW daily_entity_mentions;
CREATE VIEW daily_entity_mentions AS
SELECT d.day,
       d.entity,
       e.name,
       e.kind,
       d.mentions::bigint AS mentions,
       d.articles::bigint AS articles
  FROM entity_daily d
  JOIN entities e ON e.key = d.entity
 WHERE d.articles > 0;
