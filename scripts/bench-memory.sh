#!/usr/bin/env bash
# Memory benchmark: peak RSS (/usr/bin/time) of one `data-archiver archive` run on the local services, for three
# row shapes (narrow, the mixed 15-column rows of scripts/bench.sh, wide), each format and --chunk-size from 1,000
# to 1,000,000, and of --workers 1, 2 and 4 over four partitions. The tables go to docs/PERFORMANCE.md (between
# the MEMORY markers); the README's "Memory usage" advice is drawn from them.
#
#   bash scripts/bench-memory.sh [--narrow ROWS] [--mixed ROWS] [--wide ROWS] [--no-write]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
NARROW=4000000 MIXED=500000 WIDE=20000 WRITE=1
while (($#)); do
  case "$1" in
    --narrow) NARROW="$2"; shift 2 ;;
    --mixed) MIXED="$2"; shift 2 ;;
    --wide) WIDE="$2"; shift 2 ;;
    --no-write) WRITE=0; shift ;;
    *) echo "bench-memory: unknown option $1" >&2; exit 2 ;;
  esac
done
# shellcheck source=scripts/bench-lib.sh
source scripts/bench-lib.sh

echo "== creating bench_narrow ($NARROW rows), bench_mixed (4 × $MIXED rows), bench_wide ($WIDE rows)" >&2
create_events bench_mixed "$MIXED" "$MIXED" "$MIXED" "$MIXED"
"${PSQL[@]}" <<SQL
SET client_min_messages = warning;
DROP TABLE IF EXISTS bench_narrow, bench_wide;
CREATE TABLE bench_narrow (id bigint NOT NULL, at timestamptz NOT NULL, n int, ok bool) PARTITION BY RANGE (at);
CREATE TABLE bench_narrow_20240101 PARTITION OF bench_narrow FOR VALUES FROM ('2024-01-01') TO ('2024-01-02');
INSERT INTO bench_narrow SELECT g, '2024-01-01'::timestamptz + (g % 86400) * interval '1 second', g % 1000, g % 2 = 0
  FROM generate_series(1, $NARROW) g;
CREATE TABLE bench_wide (id bigint NOT NULL, at timestamptz NOT NULL, body text, doc jsonb) PARTITION BY RANGE (at);
CREATE TABLE bench_wide_20240101 PARTITION OF bench_wide FOR VALUES FROM ('2024-01-01') TO ('2024-01-02');
INSERT INTO bench_wide SELECT g, '2024-01-01'::timestamptz + g * interval '1 second',
  (SELECT string_agg(md5((g * 1000 + i)::text), ' ') FROM generate_series(1, 480) i),
  (SELECT jsonb_object_agg('k' || i, md5((g + i)::text)) FROM generate_series(1, 50) i)
  FROM generate_series(1, $WIDE) g;
VACUUM ANALYZE bench_narrow, bench_wide;
SQL

CHUNKS="1000 10000 100000 1000000"
for shape in narrow mixed wide; do
  for format in csv jsonl parquet; do
    for chunk in $CHUNKS; do
      echo "== $shape rows, $format, --chunk-size $chunk" >&2
      archive "bench_$shape" 2024-01-01 2024-01-01 "$format" --chunk-size "$chunk"; measure "$shape $format-$chunk" "${CMD[@]}"
    done
  done
done
for format in csv jsonl parquet; do
  for workers in 1 2 4; do
    echo "== four partitions, $format, --workers $workers" >&2
    archive bench_mixed 2024-01-01 2024-01-04 "$format" --workers "$workers"; measure "workers $format-$workers" "${CMD[@]}"
  done
done

mb() { awk -v kb="$(stat "$1" 4)" 'BEGIN {printf "%.0f", kb / 1024}'; }
row_bytes() { "${PSQL[@]}" -At -c "SELECT round(avg(length(t::text))) FROM (SELECT * FROM $1 LIMIT 1000) t"; }
{
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores; one run each, peak RSS in MB (±2 MB between runs)."
  echo "Rows are one partition of: narrow = $NARROW rows of 4 columns; mixed = $MIXED rows of the 15 columns of"
  echo "\`scripts/bench.sh\`; wide = $WIDE rows of a ~16 KB text and a 50-key jsonb. \"Row size\" is the average text form."
  echo
  echo "| rows | row size (bytes) | format | --chunk-size 1,000 | 10,000 (default) | 100,000 | 1,000,000 |"
  echo "|---|---|---|---|---|---|---|"
  for shape in narrow mixed wide; do
    size=$(row_bytes "bench_$shape")
    for format in csv jsonl parquet; do
      line="| $shape | $size | $format"
      for chunk in $CHUNKS; do line+=" | $(mb "$shape $format-$chunk")"; done
      echo "$line |"
    done
  done
  echo
  echo "Four partitions of $MIXED mixed rows, default chunk size, peak RSS in MB:"
  echo
  echo "| format | --workers 1 | --workers 2 | --workers 4 |"
  echo "|---|---|---|---|"
  for format in csv jsonl parquet; do
    echo "| $format | $(mb "workers $format-1") | $(mb "workers $format-2") | $(mb "workers $format-4") |"
  done
} > "$WORK/memory.md"
cat "$WORK/memory.md"
((WRITE)) && write_section MEMORY "$WORK/memory.md"
exit 0
