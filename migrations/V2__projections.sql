-- The read model: projections of the event store that dashboards read.
-- Every row here can be dropped and rebuilt from event_store
-- (`tidings-projector rebuild`).

CREATE TABLE articles (
    id                 text PRIMARY KEY,
    url                text,
    title              text,
    source             text,
    published_at       timestamptz,
    fetched_at         timestamptz,
    language           text,
    tone               double precision,
    extractor_version  text,
    content_hash       text,
    analysis_event_id  text,
    analyzed_at        timestamptz
);

CREATE INDEX articles_published_idx ON articles (published_at);

CREATE TABLE entities (
    key         text PRIMARY KEY,
    name        text NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('PERSON', 'ORG', 'LOC', 'MISC')),
    country     text,
    sector      text,
    latitude    double precision,
    longitude   double precision,
    first_seen  timestamptz,
    last_seen   timestamptz,
    mentions    integer NOT NULL DEFAULT 0,
    articles    integer NOT NULL DEFAULT 0
);

CREATE INDEX entities_kind_idx ON entities (kind, mentions DESC);

CREATE TABLE article_entities (
    article   text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    entity    text NOT NULL REFERENCES entities (key) ON DELETE CASCADE,
    mentions  integer NOT NULL,
    salience  double precision NOT NULL,
    PRIMARY KEY (article, entity)
);

CREATE INDEX article_entities_entity_idx ON article_entities (entity);

CREATE TABLE world_events (
    id              text PRIMARY KEY,
    article         text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    event_date      date,
    date_precision  text,
    cameo_code      text NOT NULL,
    root_code       text NOT NULL,
    quad_class      smallint NOT NULL,
    goldstein       double precision NOT NULL,
    source_key      text,
    source_name     text,
    source_country  text,
    target_key      text,
    target_name     text,
    target_country  text,
    location_name   text,
    latitude        double precision,
    longitude       double precision,
    confidence      double precision NOT NULL,
    sentence        text
);

CREATE INDEX world_events_date_idx ON world_events (event_date);
CREATE INDEX world_events_article_idx ON world_events (article);

CREATE VIEW daily_entity_mentions AS
SELECT (coalesce(a.published_at, a.fetched_at) AT TIME ZONE 'UTC')::date AS day,
       ae.entity,
       e.name,
       e.kind,
       sum(ae.mentions)::bigint AS mentions,
       count(*)::bigint         AS articles
FROM article_entities ae
JOIN articles a ON a.id = ae.article
JOIN entities e ON e.key = ae.entity
GROUP BY 1, 2, 3, 4;

CREATE VIEW daily_dyads AS
SELECT event_date             AS day,
       source_country,
       target_country,
       quad_class,
       count(*)::bigint       AS events,
       avg(goldstein)         AS avg_goldstein
FROM world_events
WHERE event_date IS NOT NULL
  AND source_country IS NOT NULL
  AND target_country IS NOT NULL
GROUP BY 1, 2, 3, 4;
