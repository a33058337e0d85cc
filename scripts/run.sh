#!/usr/bin/env bash
# Runs the whole BioCluster product on the embedded SQLite default:
# installs the web packages, builds the API and the dashboard, and serves both on one port.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

PORT="${BIOCLUSTER_PORT:-5080}"
# Development: plain-http cookies on 127.0.0.1 and the demo users listed in the README.
# Set ASPNETCORE_ENVIRONMENT=Production to run without them (then serve over HTTPS).
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
HOST="${BIOCLUSTER_HOST:-127.0.0.1}"
# The demo publishes its open data (/api/open/v1, ADR 0027); production turns it on with OpenData__Enabled=true.
if [ "$ASPNETCORE_ENVIRONMENT" = "Development" ]; then export OpenData__Enabled="${OpenData__Enabled:-true}"; fi

echo "==> Installing dashboard packages"
npm --prefix web ci --no-audit --no-fund --loglevel=error

echo "==> Building the API (this also regenerates the TypeScript client from openapi.yaml)"
dotnet build BioCluster.sln -c Release --nologo -v quiet

echo "==> Building the dashboard"
npm --prefix web run build --silent

echo
echo "  BioCluster dashboard:  http://${HOST}:${PORT}/"
echo "  Swagger UI:            http://${HOST}:${PORT}/swagger"
echo "  Open data:             http://${HOST}:${PORT}/api/open/v1/ (OpenData__Enabled=${OpenData__Enabled:-false})"
echo "  Data folder:           ${Database__DataDirectory:-$(pwd)/data} (SQLite, created on first run)"
if [ "$ASPNETCORE_ENVIRONMENT" = "Development" ]; then
  echo "  Demo sign-ins:         demo-admin, demo-secretariat, demo-ministry, demo-operator, demo-viewer"
  echo "                         password BioCluster-Demo-2026! (Development only)"
fi
echo "  Stop with Ctrl+C."
echo
exec dotnet run --project api -c Release --no-build --no-launch-profile -- --urls "http://${HOST}:${PORT}"
