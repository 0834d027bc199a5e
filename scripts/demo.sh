#!/usr/bin/env bash
# End-to-end demo: builds the CLI, fills a small day-partitioned table `demo_events` in the local
# PostgreSQL, archives January 2024 of it to the local S3 server and lists what was written.
# Starts the local services if needed and stops them at the end only if it started them.
# Can run repeatedly: the table is dropped and recreated each time.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SERVICES="$ROOT/scripts/services.sh"
CLI="$ROOT/.dev/bin/data-archiver"
# The demo keeps its state and temp files under .dev/, never in the user's ~/.data-archiver.
STATE_DIR="$ROOT/.dev/demo-state"

step() { printf '\n== %s\n' "$*"; }

started_services=0
stop_started_services() {
  if ((started_services)); then
    step "Stopping the services this demo started"
    bash "$SERVICES" stop || true
  fi
}
trap stop_started_services EXIT

step "Local services"
if ! bash "$SERVICES" status >/dev/null 2>&1; then
  started_services=1
fi
bash "$SERVICES" start
# shellcheck source=/dev/null
source "$ROOT/.dev/env"

step "Publishing the CLI to .dev/bin"
dotnet publish src/DataArchiver.Cli -c Release --use-current-runtime -o .dev/bin --nologo -v quiet
[[ -x "$CLI" ]] || { echo "demo: $CLI was not produced" >&2; exit 1; }

step "Creating demo_events (4 daily partitions, 2024-01-01 .. 2024-01-04)"
export PGPASSWORD="$DA_TEST_PG_PASSWORD"
psql_demo() {
  psql -X -q -v ON_ERROR_STOP=1 -h "$DA_TEST_PG_HOST" -p "$DA_TEST_PG_PORT" -U "$DA_TEST_PG_USER" \
    -d "$DA_TEST_PG_DATABASE" "$@"
}
psql_demo -f - <<'SQL'
SET client_min_messages = warning;
SET TimeZone = 'UTC';
DROP TABLE IF EXISTS demo_events;
CREATE TABLE demo_events (
    id          bigint      NOT NULL,
    occurred_at timestamptz NOT NULL,
    kind        text        NOT NULL,
    note        text,
    amount      numeric(12, 2),
    active      boolean     NOT NULL,
    payload     jsonb,
    tags        text[]
) PARTITION BY RANGE (occurred_at);
CREATE TABLE demo_events_20240101 PARTITION OF demo_events
    FOR VALUES FROM ('2024-01-01 00:00:00+00') TO ('2024-01-02 00:00:00+00');
CREATE TABLE demo_events_20240102 PARTITION OF demo_events
    FOR VALUES FROM ('2024-01-02 00:00:00+00') TO ('2024-01-03 00:00:00+00');
CREATE TABLE demo_events_20240103 PARTITION OF demo_events
    FOR VALUES FROM ('2024-01-03 00:00:00+00') TO ('2024-01-04 00:00:00+00');
CREATE TABLE demo_events_20240104 PARTITION OF demo_events
    FOR VALUES FROM ('2024-01-04 00:00:00+00') TO ('2024-01-05 00:00:00+00');

-- 300 rows a day, one every 288 seconds; every column type varies and `note` is NULL now and then.
INSERT INTO demo_events (id, occurred_at, kind, note, amount, active, payload, tags)
SELECT g,
       timestamptz '2024-01-01 00:00:00+00' + (g - 1) * interval '288 seconds',
       (ARRAY['click', 'view', 'purchase', 'refund'])[1 + g % 4],
       CASE WHEN g % 7 = 0 THEN NULL
            ELSE (ARRAY['plain note',
                        'She said "hello", then left',
                        'comma, separated, values',
                        'naïve café — Zürich, 東京',
                        'it''s a ''quoted'' word',
                        E'two\nlines',
                        ''])[1 + g % 7]
       END,
       round((g * 12.345 - 5000)::numeric, 2),
       g % 3 <> 0,
       CASE WHEN g % 11 = 0 THEN NULL
            ELSE jsonb_build_object('seq', g,
                                    'label', 'item "' || g || '"',
                                    'ratio', g / 7.0,
                                    'flags', jsonb_build_array(g % 2 = 0, NULL, 'ünïcode'))
       END,
       CASE WHEN g % 13 = 0 THEN NULL
            WHEN g % 5 = 0 THEN ARRAY[]::text[]
            ELSE ARRAY['tag' || g % 3, 'with, comma', 'with "quote"']
       END
FROM generate_series(1, 1200) AS g;
ANALYZE demo_events;
SQL
psql_demo -c "SELECT tableoid::regclass AS partition, count(*) AS rows
              FROM demo_events GROUP BY 1 ORDER BY 1" </dev/null

step "Archiving demo_events for 2024-01-01 .. 2024-01-31"
rm -rf "$STATE_DIR"
mkdir -p "$STATE_DIR/tmp"
ARCHIVE_DB_PASSWORD="$DA_TEST_PG_PASSWORD" ARCHIVE_S3_SECRET_KEY="$DA_TEST_S3_SECRET_KEY" \
  "$CLI" archive \
  --db-host 127.0.0.1 --db-port "$DA_TEST_PG_PORT" --db-user "$DA_TEST_PG_USER" \
  --db-name "$DA_TEST_PG_DATABASE" \
  --s3-endpoint "$DA_TEST_S3_ENDPOINT" --s3-bucket "$DA_TEST_S3_BUCKET" \
  --s3-access-key "$DA_TEST_S3_ACCESS_KEY" \
  --path-template "demo/{table}/{YYYY}/{MM}" \
  --table demo_events --start-date 2024-01-01 --end-date 2024-01-31 \
  --state-dir "$STATE_DIR" --temp-dir "$STATE_DIR/tmp" </dev/null

step "Listing the archived objects"
ARCHIVE_S3_SECRET_KEY="$DA_TEST_S3_SECRET_KEY" \
  "$CLI" list \
  --s3-endpoint "$DA_TEST_S3_ENDPOINT" --s3-bucket "$DA_TEST_S3_BUCKET" \
  --s3-access-key "$DA_TEST_S3_ACCESS_KEY" --prefix demo/ </dev/null

step "Demo finished"
