#!/usr/bin/env bash
# Benchmark of a bulk import: N agency rows from a CSV (Korean headers, UTF-8 with BOM) end to end through
# HTTP — dry run, then the real import — against a raw Dapper batch insert of the same rows into a fresh
# copy of the same database, in one run. Prints rows/s, the ratio, and the API process's peak memory.
# Usage: bash scripts/bench-imports.sh [rows=100000]
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
ROWS="${1:-100000}"
PORT="${BIOCLUSTER_BENCH_PORT:-5097}"
dotnet build api -c Release --nologo -v quiet
dotnet build bench/BioCluster.Bench -c Release --nologo -v quiet
BENCH="dotnet bench/BioCluster.Bench/bin/Release/net10.0/BioCluster.Bench.dll"

DATA="$(mktemp -d)"
API_PID=""
cleanup() { [ -n "$API_PID" ] && kill "$API_PID" 2>/dev/null || true; rm -rf "$DATA"; }
trap cleanup EXIT

start_api() {
  ASPNETCORE_ENVIRONMENT=Production Database__DataDirectory="$DATA" Auth__SecureCookies=false \
  BIOCLUSTER_ADMIN_PASSWORD='Bench-Root-Passw0rd-1!' Logging__LogLevel__Default=Warning \
    dotnet api/bin/Release/net10.0/BioCluster.Api.dll --urls "http://127.0.0.1:$PORT" > "$DATA/api.log" 2>&1 &
  API_PID=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null && return 0; sleep 0.5; done
  echo "API did not become ready"; cat "$DATA/api.log"; exit 1
}
stop_api() { kill "$API_PID"; wait "$API_PID" 2>/dev/null || true; API_PID=""; }

echo "==> Creating and migrating the database; a fresh copy for the raw-insert baseline"
start_api; stop_api
mkdir -p "$DATA/raw"
sqlite3 "$DATA/biocluster.db" ".backup '$DATA/raw/biocluster.db'" 2>/dev/null || cp "$DATA/biocluster.db" "$DATA/raw/biocluster.db"
eval "$($BENCH key "$DATA/biocluster.db" import)"
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

echo
awk -v n="$ROWS" -v d="$DRY" -v r="$REAL" -v u="$RERUN" -v raw="$RAW_SECONDS" -v kb="$PEAK_KB" \
    -v ds="$DRY_STATUS" -v rs="$REAL_STATUS" -v us="$RERUN_STATUS" 'BEGIN {
  printf "dry run            %6.2f s  %9.0f rows/s  (HTTP %s)\n", d, n/d, ds
  printf "import (created)   %6.2f s  %9.0f rows/s  (HTTP %s)\n", r, n/r, rs
  printf "re-run (unchanged) %6.2f s  %9.0f rows/s  (HTTP %s)\n", u, n/u, us
  printf "raw Dapper insert  %6.2f s  %9.0f rows/s\n", raw, n/raw
  printf "import / raw: %.2f of the raw rate\n", raw/r
  printf "API peak memory (VmHWM): %.0f MB\n", kb/1024
  printf "quality bar: >= 50,000 rows/s end to end: %s; <= 256 MB: %s\n", (n/r >= 50000 ? "met" : "NOT met"), (kb/1024 <= 256 ? "met" : "NOT met")
}'
