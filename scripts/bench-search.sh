#!/usr/bin/env bash
# Benchmark of the search box (issue 19, ADR 0017) over ISSUES regulatory issues (default 100,000) whose problem and
# proposal hold 1,000–3,000 characters of Korean built from a vocabulary of regulatory Korean. The API's own indexer
# builds the index first (timed). Then, at CONNECTIONS concurrent connections (default 8), SECONDS each, alternately:
# GET /api/v1/search (the index) and GET /api/v1/regulatory-issues?q= (today's LIKE scan of the issue list), for a
# 2-syllable and a 5-syllable query. Every request's latency is kept and p50/p95/p99 printed.
# Usage: bash scripts/bench-search.sh [issues=100000] [seconds=10] [connections=8]
set -euo pipefail
cd "$(dirname "$0")/.."
ISSUES="${1:-100000}"
SECONDS_PER_RUN="${2:-10}"
CONNECTIONS="${3:-8}"
PORT="${BIOCLUSTER_BENCH_PORT:-5098}"
TWO="${SEARCH_TWO:-원격}"
FIVE="${SEARCH_FIVE:-혁신의료기}"
source scripts/bench-common.sh

echo "==> Creating and migrating the database"
start_api; stop_api
if [ -n "${SEARCH_SEEDED_DB:-}" ]; then # a copy of a database seeded (and maybe partly indexed) by an earlier run
  echo "==> Using $SEARCH_SEEDED_DB"; cp "$SEARCH_SEEDED_DB" "$DATA/biocluster.db"; rm -f "$DATA/biocluster.db-wal" "$DATA/biocluster.db-shm"
else
  echo "==> Seeding $ISSUES issues"
  $BENCH search-seed "$DATA/biocluster.db" "$ISSUES"
fi
echo "==> Indexing (the API's indexer, run to the end)"
$BENCH search-index "$DATA/biocluster.db"
eval "$($BENCH key "$DATA/biocluster.db" read)"
du -h "$DATA/biocluster.db" | awk '{print "database: " $1}'
start_api

enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
BASE="http://127.0.0.1:$PORT"
load() { $BENCH search-load "$BASE" "$KEY" "$1" "$2" "$CONNECTIONS" "$SECONDS_PER_RUN"; }
echo
echo "==> $CONNECTIONS connections, ${SECONDS_PER_RUN}s each (after 2 s of warm-up), $ISSUES issues; 2 syllables: $TWO, 5 syllables: $FIVE"
for round in 1 2; do
  echo "-- round $round"
  load "search (index) 2-syl" "/api/v1/search?q=$(enc "$TWO")&kinds=regulatory_issue&limit=20"
  load "issue list LIKE 2-syl" "/api/v1/regulatory-issues?q=$(enc "$TWO")&limit=20"
  load "search (index) 5-syl" "/api/v1/search?q=$(enc "$FIVE")&kinds=regulatory_issue&limit=20"
  load "issue list LIKE 5-syl" "/api/v1/regulatory-issues?q=$(enc "$FIVE")&limit=20"
  load "search all kinds 2-syl" "/api/v1/search?q=$(enc "$TWO")&limit=20"
done
