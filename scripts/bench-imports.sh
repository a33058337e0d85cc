#!/usr/bin/env bash
# Benchmark of a bulk import: N agency rows from a CSV (Korean headers, UTF-8 with BOM) end to end through
# HTTP — dry run, then the real import — against a raw Dapper batch insert of the same rows into a fresh
# copy of the same database, in one run. Prints rows/s, the ratio, and the API process's peak memory.
# The import and the raw insert are then each run again on fresh copies of the database, alternately
# (PAIRS pairs in all, default 5; each import by a freshly started, warmed-up API), and the verdict is
# taken on the medians: this machine's speed swings by half within minutes, so one run proves little.
# Then a backlog of regulatory issues (ISSUE_ROWS, ISSUE_RUNS; see the end of the script).
# Usage: bash scripts/bench-imports.sh [rows=100000] [pairs=5]
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${1:-100000}"
PAIRS="${2:-5}"
PORT="${BIOCLUSTER_BENCH_PORT:-5097}"
source scripts/bench-common.sh

echo "==> Creating and migrating the database; a fresh copy for the raw-insert baseline"
start_api; stop_api
mkdir -p "$DATA/raw"
sqlite3 "$DATA/biocluster.db" ".backup '$DATA/raw/biocluster.db'" 2>/dev/null || cp "$DATA/biocluster.db" "$DATA/raw/biocluster.db"
eval "$($BENCH key "$DATA/biocluster.db" import)"
# The database as every later pair starts from (migrated, with the key).
sqlite3 "$DATA/biocluster.db" ".backup '$DATA/raw/template.db'" 2>/dev/null || cp "$DATA/biocluster.db" "$DATA/raw/template.db"
$BENCH import-csv "$DATA/agencies.csv" "$ROWS"
echo "file: $ROWS rows, $(du -h "$DATA/agencies.csv" | cut -f1)"
start_api

cpu() { awk '{print $14 + $15}' "/proc/$API_PID/stat"; } # the API process's CPU time so far, in clock ticks
TICKS=$(getconf CLK_TCK)
post() { # query → prints seconds and HTTP status; the import's own time (durationMs) goes to stderr
  curl -s -o "$DATA/answer.json" -w "%{time_total} %{http_code}\n" -X POST -H "X-Api-Key: $KEY" -H "Content-Type: text/csv" \
    --data-binary @"$DATA/agencies.csv" "http://127.0.0.1:$PORT/api/v1/imports/agencies?$1"
  echo "  $1: the import's own time $(grep -o '"durationMs":[0-9]*' "$DATA/answer.json" | cut -d: -f2) ms" >&2
}
# Warm-up, as the issue benchmark warms its endpoints: a fresh process runs its first large import partly in
# unoptimised code while hot methods are compiled again in the background (the cold dry run took ~1.7 s, ~0.9 s
# warm). The same file with a bad last row goes through every check and write and is then rolled back whole, so
# the database is still as fresh as before. BENCH_COLD=1 skips it; BENCH_WARMUPS=n repeats it.
if [ -z "${BENCH_COLD:-}" ]; then
  { cat "$DATA/agencies.csv"; printf '%s\n' 'NOT A CODE,워밍업,,company,,,'; } > "$DATA/warm.csv"
  echo "==> Warm-up: the file with a bad last row (everything checked and written, then rolled back)"
  for _ in $(seq 1 "${BENCH_WARMUPS:-1}"); do
    curl -s -o /dev/null -w "warm-up %{time_total} s, HTTP %{http_code}\n" -X POST -H "X-Api-Key: $KEY" -H "Content-Type: text/csv" \
      --data-binary @"$DATA/warm.csv" "http://127.0.0.1:$PORT/api/v1/imports/agencies?fileName=warm.csv"
  done
fi
echo
echo "==> Through HTTP (one request each)"
C0=$(cpu); read -r DRY DRY_STATUS < <(post "dryRun=true&fileName=agencies.csv"); C1=$(cpu)
read -r REAL REAL_STATUS < <(post "fileName=agencies.csv"); C2=$(cpu)
grep -o '"totals":{[^}]*}' "$DATA/answer.json" || cat "$DATA/answer.json"
read -r RERUN RERUN_STATUS < <(post "fileName=agencies.csv"); C3=$(cpu)
echo "API CPU seconds: dry run $(( (C1 - C0) * 100 / TICKS ))e-2, import $(( (C2 - C1) * 100 / TICKS ))e-2, re-run $(( (C3 - C2) * 100 / TICKS ))e-2"
PEAK_KB=$(awk '/VmHWM/ {print $2}' "/proc/$API_PID/status")
stop_api

echo
echo "==> Raw Dapper batch insert of the same rows (no parsing, checks or audit)"
eval "$($BENCH raw-insert "$DATA/raw/biocluster.db" "$ROWS")"
IMPORTS=("$REAL"); RAWS=("$RAW_SECONDS"); PEAKS=("$PEAK_KB")

# More pairs, each on fresh copies of the same migrated database: the import by a newly started API (warmed up
# and after a dry run, as above), then the raw insert.
for pair in $(seq 2 "$PAIRS"); do
  rm -rf "$DATA/run"; mkdir -p "$DATA/run/raw"
  cp "$DATA/raw/template.db" "$DATA/run/biocluster.db"; cp "$DATA/raw/template.db" "$DATA/run/raw/biocluster.db"
  RUN_DIR="$DATA/run" start_api
  [ -z "${BENCH_COLD:-}" ] && curl -s -o /dev/null -X POST -H "X-Api-Key: $KEY" -H "Content-Type: text/csv" \
    --data-binary @"$DATA/warm.csv" "http://127.0.0.1:$PORT/api/v1/imports/agencies?fileName=warm.csv"
  post "dryRun=true&fileName=agencies.csv" > /dev/null 2>&1 # as in the first run: the import follows a dry run
  read -r T STATUS < <(post "fileName=agencies.csv" 2>/dev/null)
  [ "$STATUS" = 200 ] || { echo "import answered HTTP $STATUS"; cat "$DATA/answer.json"; exit 1; }
  PEAKS+=("$(awk '/VmHWM/ {print $2}' "/proc/$API_PID/status")")
  stop_api
  eval "$($BENCH raw-insert "$DATA/run/raw/biocluster.db" "$ROWS")"
  IMPORTS+=("$T"); RAWS+=("$RAW_SECONDS")
  echo "pair $pair: import $T s, raw $RAW_SECONDS s"
done

echo
awk -v n="$ROWS" -v d="$DRY" -v u="$RERUN" -v ds="$DRY_STATUS" -v rs="$REAL_STATUS" -v us="$RERUN_STATUS" \
    -v imports="${IMPORTS[*]}" -v raws="${RAWS[*]}" -v peaks="${PEAKS[*]}" '
function median(list,   a, k, i, j, t) {
  k = split(list, a, " ")
  for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
  return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2
}
BEGIN {
  k = split(imports, im, " "); split(raws, rw, " "); split(peaks, pk, " ")
  printf "dry run            %6.2f s  %9.0f rows/s  (HTTP %s)\n", d, n/d, ds
  printf "re-run (unchanged) %6.2f s  %9.0f rows/s  (HTTP %s)\n", u, n/u, us
  for (i = 1; i <= k; i++) {
    printf "pair %d: import (created) %6.2f s %9.0f rows/s   raw Dapper insert %6.2f s %9.0f rows/s   import / raw %.2f   peak %.0f MB\n", \
      i, im[i], n/im[i], rw[i], n/rw[i], rw[i]/im[i], pk[i]/1024
    if (pk[i] > maxkb) maxkb = pk[i]
  }
  mi = median(imports); mr = median(raws)
  printf "import (created), median of %d: %6.2f s  %9.0f rows/s  (first run HTTP %s)\n", k, mi, n/mi, rs
  printf "raw Dapper insert, median of %d: %6.2f s  %9.0f rows/s\n", k, mr, n/mr
  printf "import / raw (medians): %.2f of the raw rate\n", mr/mi
  printf "API peak memory (VmHWM), highest of %d: %.0f MB\n", k, maxkb/1024
  printf "quality bar: >= 50,000 rows/s end to end (median): %s; <= 256 MB (every run): %s\n", (n/mi >= 50000 ? "met" : "NOT met"), (maxkb/1024 <= 256 ? "met" : "NOT met")
}'

# Regulatory issues: a backlog of ISSUE_ROWS issues (default 100,000, Korean texts of realistic length) imported through
# HTTP, ISSUE_RUNS times (default 3), each by a freshly started API on a fresh copy of the migrated database after a dry run
# of the same file. Issues are text-heavy rows with ~25 index entries each, so their bar is 20,000 rows/s.
ISSUE_ROWS="${ISSUE_ROWS:-100000}"
ISSUE_RUNS="${ISSUE_RUNS:-3}"
if [ "$ISSUE_RUNS" -gt 0 ]; then
  echo
  echo "==> Regulatory issues: $ISSUE_ROWS rows, $ISSUE_RUNS runs"
  $BENCH issues-csv "$DATA/issues.csv" "$ISSUE_ROWS"
  echo "file: $ISSUE_ROWS rows, $(du -h "$DATA/issues.csv" | cut -f1)"
  ISSUE_TIMES=(); ISSUE_PEAKS=()
  for run in $(seq 1 "$ISSUE_RUNS"); do
    rm -rf "$DATA/run"; mkdir -p "$DATA/run"; cp "$DATA/raw/template.db" "$DATA/run/biocluster.db"
    RUN_DIR="$DATA/run" start_api
    curl -s -o /dev/null -X POST -H "X-Api-Key: $KEY" -H "Content-Type: text/csv" --data-binary @"$DATA/issues.csv" \
      "http://127.0.0.1:$PORT/api/v1/imports/regulatory_issues?dryRun=true&fileName=issues.csv"
    read -r T STATUS < <(curl -s -o "$DATA/answer.json" -w "%{time_total} %{http_code}\n" -X POST -H "X-Api-Key: $KEY" \
      -H "Content-Type: text/csv" --data-binary @"$DATA/issues.csv" "http://127.0.0.1:$PORT/api/v1/imports/regulatory_issues?fileName=issues.csv")
    [ "$STATUS" = 200 ] || { echo "issue import answered HTTP $STATUS"; head -c 1000 "$DATA/answer.json"; exit 1; }
    ISSUE_TIMES+=("$T"); ISSUE_PEAKS+=("$(awk '/VmHWM/ {print $2}' "/proc/$API_PID/status")")
    stop_api
    echo "issue run $run: $T s, $(grep -o '"created":[0-9]*' "$DATA/answer.json")"
  done
  awk -v n="$ISSUE_ROWS" -v times="${ISSUE_TIMES[*]}" -v peaks="${ISSUE_PEAKS[*]}" '
  BEGIN {
    k = split(times, t, " "); split(peaks, pk, " ")
    for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (t[j] < t[i]) { x = t[i]; t[i] = t[j]; t[j] = x }
    m = k % 2 ? t[(k + 1) / 2] : (t[k / 2] + t[k / 2 + 1]) / 2
    for (i = 1; i <= k; i++) if (pk[i] > maxkb) maxkb = pk[i]
    printf "issue import (created), median of %d: %6.2f s  %9.0f rows/s\n", k, m, n/m
    printf "API peak memory (VmHWM), highest of %d: %.0f MB\n", k, maxkb/1024
    printf "quality bar: >= 20,000 rows/s end to end (median): %s; <= 256 MB (every run): %s\n", (n/m >= 20000 ? "met" : "NOT met"), (maxkb/1024 <= 256 ? "met" : "NOT met")
  }'
fi
