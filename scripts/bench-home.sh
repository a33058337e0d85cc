#!/usr/bin/env bash
# Benchmark of the home (GET /api/v1/home) over 100,000 issues (with their timelines and co-ministries), one
# request at a time per role, so the figure is the server's time for one home and not queueing. Prints p50/p95/p99
# per role against the quality bar (< 50 ms). Usage: bash scripts/bench-home.sh [issues=100000] [requests=300]
set -euo pipefail
cd "$(dirname "$0")/.."
ISSUES="${1:-100000}"
REQUESTS="${2:-300}"
PORT="${BIOCLUSTER_BENCH_PORT:-5097}"

source scripts/bench-common.sh

echo "==> Creating and migrating the database"
start_api; stop_api
echo "==> Seeding $ISSUES issues, their timelines and co-ministries"
eval "$($BENCH seed "$DATA/biocluster.db" "$ISSUES" | grep -v '^KEY=')"
eval "$($BENCH home-extras "$DATA/biocluster.db")"
start_api
BASE="http://127.0.0.1:$PORT"

percentiles() { # role: reads seconds, one a line
  sort -n | awk -v role="$1" '{ v[NR] = 1000 * $1 } END {
    i50 = int(0.50 * NR + 0.999); i95 = int(0.95 * NR + 0.999); i99 = int(0.99 * NR + 0.999)
    printf "%-12s p50 %6.1f ms   p95 %6.1f ms   p99 %6.1f ms   (%d requests)\n", role, v[i50], v[i95], v[i99], NR
  }'
}

echo
echo "==> GET /api/v1/home, one request at a time, $ISSUES issues (quality bar: < 50 ms server time)"
for pair in "secretariat:$KEY_SECRETARIAT" "ministry:$KEY_MINISTRY" "operator:$KEY_OPERATOR" "viewer:$KEY_VIEWER"; do
  role="${pair%%:*}"; key="${pair#*:}"
  for _ in $(seq 1 50); do curl -sf -o /dev/null -H "X-Api-Key: $key" "$BASE/api/v1/home"; done
  for _ in $(seq 1 "$REQUESTS"); do curl -sf -o /dev/null -w "%{time_total}\n" -H "X-Api-Key: $key" "$BASE/api/v1/home"; done | percentiles "$role"
done
