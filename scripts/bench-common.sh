# The set-up the benchmark scripts share; sourced from the repository's root by each of them, with PORT set first:
# Release builds of the API and the bench tool ($BENCH), a temporary data folder ($DATA) removed on exit with the API,
# and the API started (start_api, on $RUN_DIR when set, else $DATA) and stopped (stop_api). Rate limits are raised so
# a load generator is not throttled (harmless for the few requests of the import benchmark).
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
need_wrk() { command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }; }
dotnet build api -c Release --nologo -v quiet
dotnet build bench/BioCluster.Bench -c Release --nologo -v quiet
BENCH="dotnet bench/BioCluster.Bench/bin/Release/net10.0/BioCluster.Bench.dll"

DATA="$(mktemp -d)"
API_PID=""
cleanup() { [ -n "$API_PID" ] && kill "$API_PID" 2>/dev/null || true; rm -rf "$DATA"; }
trap cleanup EXIT

start_api() {
  ASPNETCORE_ENVIRONMENT=Production Database__DataDirectory="${RUN_DIR:-$DATA}" Auth__SecureCookies=false \
  BIOCLUSTER_ADMIN_PASSWORD='Bench-Root-Passw0rd-1!' Logging__LogLevel__Default=Warning \
  RateLimits__PerCallerPerMinute=1000000000 RateLimits__PerAddressPerMinute=1000000000 \
    dotnet api/bin/Release/net10.0/BioCluster.Api.dll --urls "http://127.0.0.1:$PORT" > "$DATA/api.log" 2>&1 &
  API_PID=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null && return 0; sleep 0.5; done
  echo "API did not become ready"; cat "$DATA/api.log"; exit 1
}
stop_api() { kill "$API_PID"; wait "$API_PID" 2>/dev/null || true; API_PID=""; }
