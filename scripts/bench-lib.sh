# Shared by scripts/bench.sh and scripts/bench-memory.sh (sourced, not run): starts the local services,
# publishes the CLI as the README builds it and defines the helpers both benchmarks use.
# Expects ROOT to be the repository root and the current directory.

started=0
bash scripts/services.sh status >/dev/null 2>&1 || started=1
bash scripts/services.sh start >/dev/null
bench_finish() { ((started)) && bash scripts/services.sh stop >/dev/null 2>&1 || true; rm -rf "${WORK:-}"; }
trap bench_finish EXIT
# shellcheck source=/dev/null
source .dev/env
export PGPASSWORD="$DA_TEST_PG_PASSWORD" PGOPTIONS="-c TimeZone=UTC"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h "$DA_TEST_PG_HOST" -p "$DA_TEST_PG_PORT" -U "$DA_TEST_PG_USER" -d "$DA_TEST_PG_DATABASE")
WORK="$(mktemp -d /tmp/data-archiver-bench.XXXXXX)"

echo "== publishing the CLI" >&2
dotnet publish src/DataArchiver.Cli -c Release --use-current-runtime -o .dev/bin --nologo -v quiet
CLI="$ROOT/.dev/bin/data-archiver"

# measure NAME COMMAND… : runs the command under /usr/bin/time, appends "NAME seconds maxrss_kb" to $WORK/times
# (NAME is two words: what was measured and on what).
measure() {
  local name="$1"; shift
  /usr/bin/time -f "%e %M" -o "$WORK/t" "$@" >/dev/null 2>"$WORK/err" || { echo "bench: $name failed:" >&2; cat "$WORK/err" >&2; exit 1; }
  echo "$name $(cat "$WORK/t")" >> "$WORK/times"
}

# archive TABLE FIRST_DAY LAST_DAY FORMAT [extra…] : sets CMD to the archive command line (zstd, to the local S3 server)
archive() {
  local table="$1" day="$2" last="$3" format="$4"; shift 4
  CMD=(env ARCHIVE_DB_PASSWORD="$DA_TEST_PG_PASSWORD" ARCHIVE_S3_SECRET_KEY="$DA_TEST_S3_SECRET_KEY"
  "$CLI" archive --db-host "$DA_TEST_PG_HOST" --db-port "$DA_TEST_PG_PORT" --db-user "$DA_TEST_PG_USER" \
    --db-name "$DA_TEST_PG_DATABASE" --s3-endpoint "$DA_TEST_S3_ENDPOINT" --s3-bucket "$DA_TEST_S3_BUCKET" \
    --s3-access-key "$DA_TEST_S3_ACCESS_KEY" --path-template "bench/{table}" --table "$table" \
    --start-date "$day" --end-date "$last" --output-format "$format" --compression zstd --force --skip-count \
    --state-dir "$WORK/state" --temp-dir "$WORK" --log-format text "$@")
}

# stat NAME FIELD : the median of FIELD (3 = seconds, 4 = peak RSS in KB) over the measurements called NAME
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
stat() { awk -v k="$1" -v f="$2" '$1" "$2 == k {print $f}' "$WORK/times" | median; }

# write_section MARKER FILE : replaces what docs/PERFORMANCE.md holds between <!-- MARKER:START/END --> by FILE
write_section() {
  local marker="$1" file="$2" doc=docs/PERFORMANCE.md
  grep -q "<!-- $marker:START -->" "$doc" || printf '\n<!-- %s:START -->\n<!-- %s:END -->\n' "$marker" "$marker" >> "$doc"
  awk -v table="$file" -v start="<!-- $marker:START -->" -v end="<!-- $marker:END -->" '
    $0 == start {print; while ((getline line < table) > 0) print line; skip = 1; next}
    $0 == end {skip = 0}
    !skip {print}' "$doc" > "$WORK/doc" && mv "$WORK/doc" "$doc"
  echo "bench: table written to $doc" >&2
}

# create_events TABLE ROWS… : (re)creates TABLE with ~15 mixed-type columns, partitioned by day, one partition per
# ROWS argument (2024-01-01, 2024-01-02, …) holding that many rows, and analyses it.
create_events() {
  local table="$1" day=1 partitions="" fills=""; shift
  for rows in "$@"; do
    local from; from=$(printf '2024-01-%02d' "$day")
    partitions+="CREATE TABLE ${table}_${from//-/} PARTITION OF $table FOR VALUES FROM ('$from') TO ('$from'::date + 1);"$'\n'
    fills+="  PERFORM pg_temp.fill('$from', $rows);"$'\n'
    day=$((day + 1))
  done
  "${PSQL[@]}" <<SQL
SET client_min_messages = warning;
DROP TABLE IF EXISTS $table;
CREATE TABLE $table (
  id bigint NOT NULL, occurred_at timestamptz NOT NULL, kind text NOT NULL, label varchar(40), qty int,
  score real, weight double precision, price numeric(12,2), active bool, ref uuid, payload jsonb,
  tags text[], blob bytea, day date, comment text
) PARTITION BY RANGE (occurred_at);
$partitions
CREATE OR REPLACE FUNCTION pg_temp.fill(day date, n int) RETURNS void LANGUAGE sql AS \$\$
  INSERT INTO $table
  SELECT g, day + (g % 86400) * interval '1 second', (ARRAY['click','view','purchase','refund'])[1 + g % 4],
         'label-' || (g % 1000), g % 10000, (g % 1000) / 7.0, g / 3.0, (g % 100000) / 100.0, g % 3 = 0,
         md5(g::text)::uuid, jsonb_build_object('user', g % 5000, 'path', '/p/' || (g % 97), 'ok', g % 2 = 0),
         ARRAY['t' || (g % 10), 't' || (g % 7)], decode(md5(g::text), 'hex'), day,
         CASE WHEN g % 5 = 0 THEN NULL ELSE 'comment number ' || g END
  FROM generate_series(1, n) g
\$\$;
DO \$\$ BEGIN
$fills
END \$\$;
VACUUM ANALYZE $table;
SQL
}
