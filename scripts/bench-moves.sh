#!/usr/bin/env bash
# What a routing move costs now that it writes notifications: N re-routes of issues under review between two
# ministries, in-process through the store's own transaction (record, tallies, timeline, outbox, audit), first with no
# one at the agencies involved, then with PEOPLE active users (each with an e-mail address) at each ministry and raising
# agency. Prints moves/s and the rows written per move. One SQLite writer, so this is the cost of the move itself.
# Usage: bash scripts/bench-moves.sh [moves=1000] [people=5]
set -euo pipefail
cd "$(dirname "$0")/.."
MOVES="${1:-1000}"
PEOPLE="${2:-5}"
PORT="${BIOCLUSTER_BENCH_PORT:-5097}"
ISSUES=1000

source scripts/bench-common.sh

echo "==> Creating and migrating the database; seeding $ISSUES issues"
start_api; stop_api
$BENCH seed "$DATA/biocluster.db" "$ISSUES" > /dev/null
echo "==> $MOVES re-routes per run (after a warm-up)"
$BENCH moves "$DATA/biocluster.db" "$MOVES" "$PEOPLE"
