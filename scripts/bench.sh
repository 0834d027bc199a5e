#!/usr/bin/env bash
# End-to-end benchmark: one run on the local services. Creates a partitioned table of 15 mixed-type
# columns with partitions of 0.5 M, 2 M and 4 M rows, then times, alternating and several times each,
#   (a) psql COPY … (FORMAT csv, HEADER) | zstd -3      — the practical ceiling
#   (b) pg_dump -Fc -t <partition>
#   (c) data-archiver archive of the same partition to the local S3 server as CSV, JSONL and Parquet (zstd)
# and prints medians as ratios to (a) with peak RSS, plus --workers 2 against --workers 1 over four
# partitions. The table goes to docs/PERFORMANCE.md (between the BENCH markers).
#
#   bash scripts/bench.sh [--runs N] [--small ROWS] [--medium ROWS] [--large ROWS] [--formats "csv jsonl parquet"] [--no-write]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
RUNS=3 SMALL=500000 MEDIUM=2000000 LARGE=4000000 WRITE=1 FORMATS="csv jsonl parquet"
while (($#)); do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --small) SMALL="$2"; shift 2 ;;
    --medium) MEDIUM="$2"; shift 2 ;;
    --large) LARGE="$2"; shift 2 ;;
    --no-write) WRITE=0; shift ;;
    --formats) FORMATS="$2"; shift 2 ;;
    *) echo "bench: unknown option $1" >&2; exit 2 ;;
  esac
done

started=0
bash scripts/services.sh status >/dev/null 2>&1 || started=1
bash scripts/services.sh start >/dev/null
finish() { ((started)) && bash scripts/services.sh stop >/dev/null 2>&1 || true; rm -rf "${WORK:-}"; }
trap finish EXIT
# shellcheck source=/dev/null
source .dev/env
export PGPASSWORD="$DA_TEST_PG_PASSWORD" PGOPTIONS="-c TimeZone=UTC"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h "$DA_TEST_PG_HOST" -p "$DA_TEST_PG_PORT" -U "$DA_TEST_PG_USER" -d "$DA_TEST_PG_DATABASE")
WORK="$(mktemp -d /tmp/data-archiver-bench.XXXXXX)"

echo "== publishing the CLI" >&2
dotnet publish src/DataArchiver.Cli -c Release --use-current-runtime --self-contained false -o .dev/bin --nologo -v quiet
CLI="$ROOT/.dev/bin/data-archiver"

echo "== creating bench_events ($SMALL, $MEDIUM and $LARGE rows; two more partitions of $SMALL for the workers run)" >&2
"${PSQL[@]}" <<SQL
SET client_min_messages = warning;
DROP TABLE IF EXISTS bench_events;
CREATE TABLE bench_events (
  id bigint NOT NULL, occurred_at timestamptz NOT NULL, kind text NOT NULL, label varchar(40), qty int,
  score real, weight double precision, price numeric(12,2), active bool, ref uuid, payload jsonb,
  tags text[], blob bytea, day date, comment text
) PARTITION BY RANGE (occurred_at);
CREATE TABLE bench_events_20240101 PARTITION OF bench_events FOR VALUES FROM ('2024-01-01') TO ('2024-01-02');
CREATE TABLE bench_events_20240102 PARTITION OF bench_events FOR VALUES FROM ('2024-01-02') TO ('2024-01-03');
CREATE TABLE bench_events_20240103 PARTITION OF bench_events FOR VALUES FROM ('2024-01-03') TO ('2024-01-04');
CREATE TABLE bench_events_20240104 PARTITION OF bench_events FOR VALUES FROM ('2024-01-04') TO ('2024-01-05');
CREATE TABLE bench_events_20240105 PARTITION OF bench_events FOR VALUES FROM ('2024-01-05') TO ('2024-01-06');
CREATE OR REPLACE FUNCTION pg_temp.fill(day date, n int) RETURNS void LANGUAGE sql AS \$\$
  INSERT INTO bench_events
  SELECT g, day + (g % 86400) * interval '1 second', (ARRAY['click','view','purchase','refund'])[1 + g % 4],
         'label-' || (g % 1000), g % 10000, (g % 1000) / 7.0, g / 3.0, (g % 100000) / 100.0, g % 3 = 0,
         md5(g::text)::uuid, jsonb_build_object('user', g % 5000, 'path', '/p/' || (g % 97), 'ok', g % 2 = 0),
         ARRAY['t' || (g % 10), 't' || (g % 7)], decode(md5(g::text), 'hex'), day,
         CASE WHEN g % 5 = 0 THEN NULL ELSE 'comment number ' || g END
  FROM generate_series(1, n) g
\$\$;
DO \$\$ BEGIN
  PERFORM pg_temp.fill('2024-01-01', $SMALL);
  PERFORM pg_temp.fill('2024-01-02', $LARGE);
  PERFORM pg_temp.fill('2024-01-03', $SMALL);
  PERFORM pg_temp.fill('2024-01-04', $SMALL);
  PERFORM pg_temp.fill('2024-01-05', $MEDIUM);
END \$\$;
VACUUM ANALYZE bench_events;
SQL

# measure NAME COMMAND… : runs the command under /usr/bin/time, appends "name seconds maxrss_kb" to $WORK/times
measure() {
  local name="$1"; shift
  /usr/bin/time -f "%e %M" -o "$WORK/t" "$@" >/dev/null 2>"$WORK/err" || { echo "bench: $name failed:" >&2; cat "$WORK/err" >&2; exit 1; }
  echo "$name $(cat "$WORK/t")" >> "$WORK/times"
}

archive() { # FIRST_DAY LAST_DAY FORMAT [extra…]: sets CMD to the archive command line
  local day="$1" last="$2" format="$3"; shift 3
  CMD=(env ARCHIVE_DB_PASSWORD="$DA_TEST_PG_PASSWORD" ARCHIVE_S3_SECRET_KEY="$DA_TEST_S3_SECRET_KEY"
  "$CLI" archive --db-host "$DA_TEST_PG_HOST" --db-port "$DA_TEST_PG_PORT" --db-user "$DA_TEST_PG_USER" \
    --db-name "$DA_TEST_PG_DATABASE" --s3-endpoint "$DA_TEST_S3_ENDPOINT" --s3-bucket "$DA_TEST_S3_BUCKET" \
    --s3-access-key "$DA_TEST_S3_ACCESS_KEY" --path-template "bench/{table}" --table bench_events \
    --start-date "$day" --end-date "$last" --output-format "$format" --compression zstd --force --skip-count \
    --state-dir "$WORK/state" --temp-dir "$WORK" --log-format text "$@")
}

for size in small medium large; do
  case $size in
    small) day=2024-01-01 ;;
    medium) day=2024-01-05 ;;
    large) day=2024-01-02 ;;
  esac
  part=bench_events_${day//-/}
  for ((run = 1; run <= RUNS; run++)); do
    echo "== $size partition, run $run/$RUNS" >&2
    measure "$size copy_zstd" bash -c "psql -X -q -h '$DA_TEST_PG_HOST' -p '$DA_TEST_PG_PORT' -U '$DA_TEST_PG_USER' -d '$DA_TEST_PG_DATABASE' -c 'COPY $part TO STDOUT (FORMAT csv, HEADER)' | zstd -3 -q > '$WORK/copy.csv.zst'"
    measure "$size pg_dump" bash -c "pg_dump -Fc -h '$DA_TEST_PG_HOST' -p '$DA_TEST_PG_PORT' -U '$DA_TEST_PG_USER' -t $part '$DA_TEST_PG_DATABASE' > '$WORK/dump'"
    for format in $FORMATS; do
      archive "$day" "$day" "$format"; measure "$size $format" "${CMD[@]}"
    done
  done
done
for ((run = 1; run <= RUNS; run++)); do
  echo "== workers, run $run/$RUNS" >&2
  archive 2024-01-01 2024-01-04 jsonl --workers 1; measure "four workers1" "${CMD[@]}"
  archive 2024-01-01 2024-01-04 jsonl --workers 2; measure "four workers2" "${CMD[@]}"
done

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
stat() { # SIZE NAME FIELD(3=seconds,4=rss)
  awk -v k="$1 $2" -v f="$3" '$1" "$2 == k {print $f}' "$WORK/times" | median
}

{
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores, $RUNS runs each (median wall time of the whole command, upload included)."
  echo
  echo "| partition | command | seconds | ratio to COPY \\| zstd | peak RSS (MB) |"
  echo "|---|---|---|---|---|"
  for size in small medium large; do
    rows=$SMALL; [[ $size == medium ]] && rows=$MEDIUM; [[ $size == large ]] && rows=$LARGE
    base=$(stat $size copy_zstd 3)
    for name in copy_zstd pg_dump $FORMATS; do
      s=$(stat $size $name 3); r=$(stat $size $name 4)
      label=$name; [[ $name == copy_zstd ]] && label='psql COPY csv \| zstd -3'; [[ $name == pg_dump ]] && label='pg_dump -Fc'
      [[ $name =~ ^(csv|jsonl|parquet)$ ]] && label="data-archiver $name (zstd)"
      awk -v rows="$rows" -v l="$label" -v s="$s" -v b="$base" -v r="$r" 'BEGIN {printf "| %d rows | %s | %.2f | %.2f× | %.0f |\n", rows, l, s, s / b, r / 1024}'
    done
  done
  w1=$(stat four workers1 3); w2=$(stat four workers2 3)
  awk -v a="$w1" -v b="$w2" 'BEGIN {printf "\nFour partitions (3 × small + 1 × large) as JSONL: --workers 1 %.2f s, --workers 2 %.2f s, speed-up %.2f×.\n", a, b, a / b}'
} > "$WORK/table.md"
cat "$WORK/table.md"

if ((WRITE)); then
  doc=docs/PERFORMANCE.md
  [[ -f $doc ]] || printf '# Performance\n\n<!-- BENCH:START -->\n<!-- BENCH:END -->\n' > "$doc"
  awk -v table="$WORK/table.md" '
    /<!-- BENCH:START -->/ {print; while ((getline line < table) > 0) print line; skip = 1; next}
    /<!-- BENCH:END -->/ {skip = 0}
    !skip {print}' "$doc" > "$WORK/doc" && mv "$WORK/doc" "$doc"
  echo "bench: table written to $doc" >&2
fi
