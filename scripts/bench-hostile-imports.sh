#!/usr/bin/env bash
# Hostile import files, each sent as a dry run to a freshly started API (Release, as the README runs it): a 60 MB field,
# 20 rows of a million cells, a header of a million unknown columns, a JSON string of 50 MB, and spreadsheets that
# declare 16,384 columns, a row a million rows down, a 300 MB shared string, or a sheet that unpacks to 2 GB.
# Prints for each the answer, the time to answer and the API process's peak memory (VmHWM); the bar is a refusal
# (4xx) within a few seconds and at most 256 MB. Usage: bash scripts/bench-hostile-imports.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${BIOCLUSTER_BENCH_PORT:-5095}"
source scripts/bench-common.sh

echo "==> Writing the hostile files"
$BENCH hostile-files "$DATA/hostile"
start_api; stop_api
eval "$($BENCH key "$DATA/biocluster.db" import)"

worst=0; slowest=0; failed=0
printf "\n%-34s %6s %8s %9s\n" "file" "HTTP" "seconds" "peak MB"
for file in "$DATA"/hostile/*; do
  name="$(basename "$file")"
  case "$name" in
    *.json) type=application/json ;;
    *.xlsx) type=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet ;;
    *) type=text/csv ;;
  esac
  start_api
  read -r T STATUS < <(curl -s -o "$DATA/answer.json" -w "%{time_total} %{http_code}\n" -X POST -H "X-Api-Key: $KEY" -H "Content-Type: $type" \
    --data-binary @"$file" "http://127.0.0.1:$PORT/api/v1/imports/agencies?dryRun=true&fileName=$name")
  PEAK=$(awk '/VmHWM/ {print int($2/1024)}' "/proc/$API_PID/status")
  stop_api
  printf "%-34s %6s %8.2f %9s\n" "$name" "$STATUS" "$T" "$PEAK"
  [ "$PEAK" -gt "$worst" ] && worst=$PEAK
  awk -v t="$T" -v s="$slowest" 'BEGIN { exit !(t > s) }' && slowest=$T
  case "$STATUS" in 4*) ;; *) failed=$((failed + 1)); head -c 400 "$DATA/answer.json"; echo ;; esac
done
echo
echo "highest peak: ${worst} MB (bar 256 MB): $([ "$worst" -le 256 ] && echo met || echo NOT met)"
echo "slowest answer: ${slowest} s; files not refused with a 4xx: ${failed}"
