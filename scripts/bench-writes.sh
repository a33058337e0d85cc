#!/usr/bin/env bash
# Benchmark of concurrent writes: comments posted on regulatory issues through HTTP by 1, 4 and 16 connections
# at once (wrk, Debian), each comment one transaction with its audit entry. SQLite takes one writer at a time, so
# this shows how long a write waits for the others: the latency percentiles are the figures to watch.
# Usage: bash scripts/bench-writes.sh [seconds=10]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN="${1:-10}"
PORT="${BIOCLUSTER_BENCH_PORT:-5096}"
ISSUES=1000

source scripts/bench-common.sh
need_wrk

echo "==> Creating and migrating the database; seeding $ISSUES issues"
start_api; stop_api
$BENCH seed "$DATA/biocluster.db" "$ISSUES" > /dev/null
eval "$($BENCH key "$DATA/biocluster.db" read,write)"
start_api

# Each request comments on one of the issues at random.
cat > "$DATA/comment.lua" <<LUA
wrk.method = "POST"
wrk.body = '{"text":"벤치마크 의견: 규제 개선 진행 상황을 확인했습니다."}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Api-Key"] = "$KEY"
request = function()
  return wrk.format(nil, "/api/v1/regulatory-issues/" .. math.random(1, $ISSUES) .. "/comments")
end
LUA
URL="http://127.0.0.1:$PORT"
echo "==> Warming up"
wrk -t1 -c4 -d3s -s "$DATA/comment.lua" "$URL" > /dev/null
echo
echo "==> Comments posted for ${SECONDS_PER_RUN} s at each concurrency"
for c in 1 4 16; do
  out=$(wrk -t1 -c$c -d"${SECONDS_PER_RUN}s" --latency -s "$DATA/comment.lua" "$URL")
  printf "%2d connections %10s writes/s   p50 %8s   p90 %8s   p99 %8s   max %8s   non-2xx %s\n" "$c" \
    "$(echo "$out" | awk '/Requests\/sec/ {print $2}')" "$(echo "$out" | awk '$1=="50%" {print $2}')" \
    "$(echo "$out" | awk '$1=="90%" {print $2}')" "$(echo "$out" | awk '$1=="99%" {print $2}')" \
    "$(echo "$out" | awk '$1=="Latency" {print $4}')" "$(echo "$out" | awk '/Non-2xx/ {print $5}')"
done
echo "comments written: $(sqlite3 "$DATA/biocluster.db" 'SELECT COUNT(*) FROM regulatory_issue_comments' 2>/dev/null || echo '(sqlite3 not installed)')"
