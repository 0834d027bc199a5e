#!/usr/bin/env bash
# End-to-end benchmark: one run on the local services. Creates a partitioned table of 15 mixed-type
# columns with partitions of 0.5 M, 2 M and 4 M rows, then times, alternating and several times each,
#   (a) psql COPY … (FORMAT csv, HEADER) | zstd -3      — the practical ceiling
#   (b) pg_dump -Fc -t <partition>
#   (c) data-archiver archive of the same partition to the local S3 server as CSV, JSONL and Parquet (zstd)
# (in a shuffled order each run)
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

# shellcheck source=scripts/bench-lib.sh
source scripts/bench-lib.sh

echo "== creating bench_events (four partitions of $SMALL rows, one of $MEDIUM, one of $LARGE)" >&2
create_events bench_events "$SMALL" "$SMALL" "$SMALL" "$SMALL" "$MEDIUM" "$LARGE"

for size in small medium large; do
  case $size in
    small) day=2024-01-01 ;;
    medium) day=2024-01-05 ;;
    large) day=2024-01-06 ;;
  esac
  part=bench_events_${day//-/}
  for ((run = 1; run <= RUNS; run++)); do
    echo "== $size partition, run $run/$RUNS" >&2
    # A shuffled order each run: a command run right after an upload shares the machine with the S3 server
    # still storing it, so a fixed order would favour whichever command comes first.
    for name in $(printf '%s\n' copy_zstd pg_dump $FORMATS | shuf); do
      case $name in
        copy_zstd) measure "$size copy_zstd" bash -c "psql -X -q -h '$DA_TEST_PG_HOST' -p '$DA_TEST_PG_PORT' -U '$DA_TEST_PG_USER' -d '$DA_TEST_PG_DATABASE' -c 'COPY $part TO STDOUT (FORMAT csv, HEADER)' | zstd -3 -q > '$WORK/copy.csv.zst'" ;;
        pg_dump) measure "$size pg_dump" bash -c "pg_dump -Fc -h '$DA_TEST_PG_HOST' -p '$DA_TEST_PG_PORT' -U '$DA_TEST_PG_USER' -t $part '$DA_TEST_PG_DATABASE' > '$WORK/dump'" ;;
        *) archive bench_events "$day" "$day" "$name"; measure "$size $name" "${CMD[@]}" ;;
      esac
    done
  done
done
for ((run = 1; run <= RUNS; run++)); do
  echo "== workers, run $run/$RUNS" >&2
  for workers in $(printf '%s\n' 1 2 | shuf); do
    archive bench_events 2024-01-01 2024-01-04 jsonl --workers "$workers"; measure "four workers$workers" "${CMD[@]}"
  done
done

{
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores, $RUNS runs each (median wall time of the whole command, upload included)."
  echo
  echo "| partition | command | seconds | ratio to COPY \\| zstd | peak RSS (MB) |"
  echo "|---|---|---|---|---|"
  for size in small medium large; do
    rows=$SMALL; [[ $size == medium ]] && rows=$MEDIUM; [[ $size == large ]] && rows=$LARGE
    base=$(stat "$size copy_zstd" 3)
    for name in copy_zstd pg_dump $FORMATS; do
      s=$(stat "$size $name" 3); r=$(stat "$size $name" 4)
      label=$name; [[ $name == copy_zstd ]] && label='psql COPY csv \| zstd -3'; [[ $name == pg_dump ]] && label='pg_dump -Fc'
      [[ $name =~ ^(csv|jsonl|parquet)$ ]] && label="data-archiver $name (zstd)"
      awk -v rows="$rows" -v l="$label" -v s="$s" -v b="$base" -v r="$r" 'BEGIN {printf "| %d rows | %s | %.2f | %.2f× | %.0f |\n", rows, l, s, s / b, r / 1024}'
    done
  done
  w1=$(stat "four workers1" 3); w2=$(stat "four workers2" 3)
  awk -v n="$SMALL" -v a="$w1" -v b="$w2" 'BEGIN {printf "\nFour partitions of %d rows as JSONL: --workers 1 %.2f s, --workers 2 %.2f s, speed-up %.2f×.\n", n, a, b, a / b}'
} > "$WORK/table.md"
cat "$WORK/table.md"

((WRITE)) && write_section BENCH "$WORK/table.md"
exit 0
