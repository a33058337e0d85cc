#!/usr/bin/env bash
# Runs every BioCluster test suite — .NET (API, data, contract), web unit tests (vitest) and the
# browser tests (Playwright, headless Debian Chromium) — and ends with one line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
OUT="$ROOT/test-output"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
rm -rf "$OUT" && mkdir -p "$OUT"

passed=0 failed=0 skipped=0
add() { passed=$((passed + ${1:-0})); failed=$((failed + ${2:-0})); skipped=$((skipped + ${3:-0})); }
step_failed() { echo "!! $1"; failed=$((failed + 1)); }

echo "==> Checking for Chromium and Korean fonts (browser test)"
if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi nanum; then
  if [ "$(id -u)" = "0" ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-nanum >/dev/null) \
      || echo "!! could not install chromium and fonts-nanum"
  else
    echo "!! run 'sudo apt-get install -y chromium fonts-nanum' for the browser test"
  fi
fi

echo "==> Installing dashboard packages"
npm --prefix web ci --no-audit --no-fund --loglevel=error || step_failed "npm ci failed"

echo "==> Building (regenerates web/src/api/client.ts from openapi.yaml)"
cp web/src/api/client.ts "$OUT/client.committed.ts"
cp web/src/api/operations.ts "$OUT/operations.committed.ts"
if dotnet build BioCluster.sln --nologo -v quiet; then
  # The committed client must be exactly what openapi.yaml generates.
  if cmp -s "$OUT/client.committed.ts" web/src/api/client.ts && cmp -s "$OUT/operations.committed.ts" web/src/api/operations.ts; then
    echo "contract: generated TypeScript client (client.ts, operations.ts) matches openapi.yaml"; add 1 0 0
  else
    echo "!! contract: web/src/api/client.ts or operations.ts is stale; run scripts/update-contract.sh and commit them"; add 0 1 0
  fi
else
  step_failed ".NET build failed"
fi

# Built before the .NET suites: their API hosts serve it, as scripts/run.sh does, so routing is tested as it runs.
echo "==> Building the dashboard"
npm --prefix web run build || step_failed "dashboard build failed"

echo "==> .NET tests"
if [ -z "${BIOCLUSTER_SQLSERVER_CONNECTION:-}" ]; then
  echo "   SQL Server suite: skipped (set BIOCLUSTER_SQLSERVER_CONNECTION to run it against a server)"
else
  echo "   SQL Server suite: running against BIOCLUSTER_SQLSERVER_CONNECTION"
fi
# Reads the counters of a trx file into the totals.
count_trx() { # file label
  local trx="$1" counters total executed p f s
  if [ ! -f "$trx" ]; then step_failed "$2 produced no results"; return; fi
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  attr() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  total=$(attr total); executed=$(attr executed); p=$(attr passed); f=$(attr failed)
  f=$(( ${f:-0} + $(attr error || echo 0) + $(attr timeout || echo 0) ))
  s=$(( ${total:-0} - ${executed:-0} ))
  echo "   $2: ${p:-0} passed, ${f} failed, ${s} skipped"
  add "${p:-0}" "$f" "$s"
}
dotnet test BioCluster.sln --no-build --nologo --logger "trx;LogFileName=dotnet.trx" --results-directory "$OUT" \
  --logger "console;verbosity=minimal"
count_trx "$OUT/dotnet.trx" ".NET"

# The same API suite again with the SQLite fast read path off (Database:FastReads=false, docs/adr/0007): both paths
# must give the same answers. The SQL Server copies run once, above.
echo "==> .NET API suite with Database:FastReads=false"
Database__FastReads=false dotnet test tests/BioCluster.Api.Tests --no-build --nologo --filter "FullyQualifiedName!~SqlServer" \
  --logger "trx;LogFileName=dotnet-plain-reads.trx" --results-directory "$OUT" --logger "console;verbosity=minimal"
count_trx "$OUT/dotnet-plain-reads.trx" ".NET (plain reads)"

echo "==> Web unit tests (vitest)"
npm --prefix web run test:unit
if [ -f "$OUT/vitest.json" ]; then
  read -r p f s < <(node -e 'const r=require(process.argv[1]);console.log(r.numPassedTests, r.numFailedTests, r.numPendingTests + (r.numTodoTests||0))' "$OUT/vitest.json")
  echo "   vitest: $p passed, $f failed, $s skipped"
  add "$p" "$f" "$s"
else
  step_failed "vitest produced no results"
fi

echo "==> Browser tests (Playwright: headless Chromium against the real API and built dashboard)"
npm --prefix web run test:browser
browser_rc=$?
if [ -f "$OUT/browser.json" ] && read -r p f s e < <(node -e '
    const r = require(process.argv[1]), t = r.stats ?? {};
    console.log(t.expected ?? 0, (t.unexpected ?? 0) + (t.flaky ?? 0), t.skipped ?? 0, (r.errors ?? []).length);
  ' "$OUT/browser.json"); then
  # Playwright's JSON report: stats.expected passed, stats.unexpected failed, stats.skipped skipped.
  # Retries are off (playwright.config.ts), so a "flaky" test only appears when someone adds them: it
  # counts as failed. Errors outside any test (the web server not starting, global set-up) fail the step.
  echo "   browser: $p passed, $f failed, $s skipped"
  add "$p" "$f" "$s"
  if [ "$e" -gt 0 ]; then step_failed "browser tests: $e error(s) outside the tests (see above)"
  elif [ $((p + f + s)) -eq 0 ]; then step_failed "browser tests ran no test"
  elif [ "$browser_rc" -ne 0 ] && [ "$f" -eq 0 ]; then step_failed "browser tests exited with code $browser_rc"
  fi
else
  step_failed "browser tests produced no readable results ($OUT/browser.json)"
fi

echo
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
[ "$failed" -eq 0 ]
