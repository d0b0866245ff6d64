#!/usr/bin/env bash
# Waits for the sample article to be projected, then prints its entities and
# events from the read model.
set -euo pipefail
url="${TIDINGS_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/tidings}"
for _ in $(seq 1 100); do
  n=$(psql "$url" -tAc "SELECT count(*) FROM articles WHERE analyzed_at IS NOT NULL AND title IS NOT NULL" 2>/dev/null || echo 0)
  [ "${n:-0}" -ge 1 ] && break
  sleep 0.2
done
psql "$url" -P pager=off -c "SELECT key, name, kind, country, sector, mentions FROM entities WHERE mentions > 0 ORDER BY mentions DESC, key LIMIT 25"
psql "$url" -P pager=off -c "SELECT event_date, cameo_code, source_name, target_name, location_name, goldstein FROM world_events ORDER BY event_date, cameo_code, source_name LIMIT 40"
