-- Least privilege: one role per kind of client, each allowed what it needs
-- and nothing more. Roles are shared by every database of the cluster, so
-- they are created once (and a concurrent migration creating them too is
-- not an error); grants are per database. Passwords are the operator's
-- (ALTER ROLE ... PASSWORD ...): locally, trust authentication needs none.
--
-- tidings_projector  appends to the event store (INSERT, SELECT: no UPDATE,
--                    DELETE or TRUNCATE; the append-only trigger stays as a
--                    second wall) and keeps the read model.
-- tidings_fetcher    its own tables: feeds, seen_items.
-- tidings_reader     dashboards: SELECT on the read model only.
-- Migrations and rebuilds run as the database's owner.
DO $$
DECLARE
    name text;
BEGIN
    FOREACH name IN ARRAY ARRAY['tidings_projector', 'tidings_fetcher', 'tidings_reader'] LOOP
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = name) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I LOGIN', name);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL; -- another migration created it just now
            END;
        END IF;
    END LOOP;
END
$$;

GRANT USAGE ON SCHEMA public TO tidings_projector, tidings_fetcher, tidings_reader;
GRANT SELECT ON tidings_schema_history TO tidings_projector, tidings_fetcher, tidings_reader;

GRANT SELECT, INSERT ON event_store TO tidings_projector;
GRANT USAGE ON SEQUENCE event_store_position_seq TO tidings_projector;
GRANT SELECT, INSERT, UPDATE, DELETE
    ON articles, entities, article_entities, entity_daily, world_events, event_quotes
    TO tidings_projector;

GRANT SELECT, INSERT, UPDATE, DELETE ON feeds, seen_items TO tidings_fetcher;

GRANT SELECT
    ON articles, entities, article_entities, entity_daily, world_events, event_quotes,
       daily_entity_mentions, daily_dyads, entity_overview
    TO tidings_reader;

-- Nobody but the owner creates objects here (PostgreSQL 15 already says so;
-- older servers granted CREATE on public to everyone).
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
