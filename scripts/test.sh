#!/usr/bin/env bash
# Runs the whole test suite against real local services, then the demo as a final end-to-end check.
# Extra arguments go to `dotnet test` (e.g. --filter FullyQualifiedName~Csv).
# Ends with one line "N passed, N failed, N skipped" and exits non-zero if anything failed.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT" || exit 1
SERVICES="$ROOT/scripts/services.sh"
RESULTS="$ROOT/.dev/test-results"

started_services=0
cleanup() {
  if ((started_services)); then
    bash "$SERVICES" stop || true
  fi
}
trap cleanup EXIT

if ! bash "$SERVICES" status >/dev/null 2>&1; then
  started_services=1
fi
if ! bash "$SERVICES" start; then
  echo "test: the local services did not start" >&2
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi
# shellcheck source=/dev/null
source "$ROOT/.dev/env"

rm -rf "$RESULTS"
mkdir -p "$RESULTS"
dotnet test DataArchiver.slnx -c Release --nologo \
  --logger "trx" --results-directory "$RESULTS" "$@" </dev/null
test_rc=$?

echo
echo "== Demo (scripts/demo.sh)"
bash "$ROOT/scripts/demo.sh" </dev/null
demo_rc=$?

# Sum the outcomes of every test result in every trx file.
passed=0 failed=0 skipped=0
while read -r outcome; do
  case "$outcome" in
    Passed) passed=$((passed + 1)) ;;
    NotExecuted | Inconclusive | Pending | NotRunnable) skipped=$((skipped + 1)) ;;
    *) failed=$((failed + 1)) ;;
  esac
done < <(find "$RESULTS" -name '*.trx' -type f -exec cat {} + 2>/dev/null \
  | grep -o '<UnitTestResult [^>]*' | sed -n 's/.* outcome="\([A-Za-z]*\)".*/\1/p')

if ((test_rc != 0)); then
  echo "test: dotnet test exited with $test_rc" >&2
  # A build or runner failure leaves no failed test behind: count it so the total is honest.
  ((failed > 0)) || failed=1
fi
if ((demo_rc == 0)); then
  passed=$((passed + 1))
else
  echo "test: the demo failed (exit $demo_rc)" >&2
  failed=$((failed + 1))
fi

# Stop what we started before the summary, so the summary is the last line.
cleanup
started_services=0
echo
echo "$passed passed, $failed failed, $skipped skipped"
((failed == 0))
