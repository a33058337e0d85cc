#!/usr/bin/env bash
# Benchmark of the regulatory-issue list and statistics over 100,000 issues, against a trivial JSON
# endpoint of the same process, with wrk (Debian) on loopback. Prints the figures and the ratios the
# quality bar asks for. Usage: bash scripts/bench-issues.sh [issues=100000] [seconds=10]
set -euo pipefail
cd "$(dirname "$0")/.."
ISSUES="${1:-100000}"
SECONDS_PER_RUN="${2:-10}"
PORT="${BIOCLUSTER_BENCH_PORT:-5095}"
CONNECTIONS=32
THREADS=2

source scripts/bench-common.sh
need_wrk

echo "==> Creating and migrating the database"
start_api; stop_api
echo "==> Seeding $ISSUES issues"
eval "$($BENCH seed "$DATA/biocluster.db" "$ISSUES")"
start_api

BASE="http://127.0.0.1:$PORT"
run() { # name path [auth]
  local name="$1" path="$2" out
  if [ "${3:-}" = "auth" ]; then
    out=$(wrk -t$THREADS -c$CONNECTIONS -d"${SECONDS_PER_RUN}s" --latency -H "X-Api-Key: $KEY" "$BASE$path")
  else
    out=$(wrk -t$THREADS -c$CONNECTIONS -d"${SECONDS_PER_RUN}s" --latency "$BASE$path")
  fi
  local rps p50 p99 errors
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  errors=$(echo "$out" | awk '/Non-2xx/ {print $5}')
  printf "%-28s %10s req/s   p50 %8s   p99 %8s   non-2xx %s\n" "$name" "$rps" "$p50" "$p99" "${errors:-0}"
  eval "RPS_$name=$rps; P99_$name=$p99"
}

FILTER="status=under_review&status=in_progress&leadMinistryCode=mfds&limit=50"
FILTERED_P99S=()
# Warm every measured endpoint at full load first, so each run measures the process in its steady state
# (tiered compilation rewrites hot methods during the first seconds) and not its start-up.
echo "==> Warming up"
for path in "/health/live" "/api/v1/regulatory-issues?$FILTER" "/api/v1/regulatory-issues?limit=50" "/api/v1/regulatory-issues/stats"; do
  wrk -t$THREADS -c$CONNECTIONS -d5s -H "X-Api-Key: $KEY" "$BASE$path" >/dev/null
done
echo
echo "==> wrk, $CONNECTIONS connections, ${SECONDS_PER_RUN}s each, $ISSUES issues"
# The ratio's two sides are measured in alternation, PAIRS times (the machine's speed drifts by up to 1.5× within
# minutes here): each pair's ratio is printed, and the median of them is the figure checked against the bar.
PAIRS="${BIOCLUSTER_BENCH_PAIRS:-7}"
RATIOS=()
for pair in $(seq 1 "$PAIRS"); do
  run trivial "/health/live"
  run filtered_page1 "/api/v1/regulatory-issues?$FILTER" auth
  RATIOS+=("$(awk -v f="$RPS_filtered_page1" -v t="$RPS_trivial" 'BEGIN { printf "%.1f", 100*f/t }')")
  FILTERED_P99S+=("$(echo "$P99_filtered_page1")")
done
run list_page1 "/api/v1/regulatory-issues?limit=50" auth
run list_page2000 "/api/v1/regulatory-issues?limit=50&cursor=$DEEP_CURSOR" auth
run stats "/api/v1/regulatory-issues/stats" auth

ms() { # wrk latency (e.g. 812.00us, 3.21ms, 1.02s) in ms
  echo "$1" | awk '{v=$1; if (v ~ /us$/) {sub(/us/,"",v); print v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v); print v} else {sub(/s/,"",v); print v*1000}}'
}
echo
echo "==> Ratios (quality bar: filtered page ≥ 12% of trivial, p99 ≤ 25 ms; page 2,000 ≤ 1.5 × page 1)"
echo "filtered page / trivial throughput, each pair: ${RATIOS[*]} (%)"
printf '%s\n' "${RATIOS[@]}" | sort -n | awk '{ v[NR] = $1 } END { printf "filtered page / trivial throughput: %.1f%% (median of %d pairs)\n", v[int((NR + 1) / 2)], NR }'
awk -v d="$(ms "$P99_list_page2000")" -v p="$(ms "$P99_list_page1")" -v rd="$RPS_list_page2000" -v rp="$RPS_list_page1" \
  'BEGIN { printf "page 2,000 / page 1: p99 %.2f×, throughput %.2f×\n", d/p, rp/rd }'
worst=0; for p in "${FILTERED_P99S[@]}"; do worst=$(awk -v a="$worst" -v b="$(ms "$p")" 'BEGIN { print (b > a ? b : a) }'); done
echo "filtered page p99: $worst ms (worst of the pairs); stats p99: $(ms "$P99_stats") ms"

echo
echo "==> Stats server time, one request at a time (quality bar: < 50 ms)"
for _ in 1 2 3; do curl -s -o /dev/null -w "%{time_total}\n" -H "X-Api-Key: $KEY" "$BASE/api/v1/regulatory-issues/stats"; done | \
  awk '{ s += $1; if ($1 > m) m = $1 } END { printf "mean %.1f ms, max %.1f ms over %d requests\n", 1000*s/NR, 1000*m, NR }'
