#!/usr/bin/env bash
# Runs the whole BioCluster product on the embedded SQLite default:
# installs the web packages, builds the API and the dashboard, and serves both on one port.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

PORT="${BIOCLUSTER_PORT:-5080}"
HOST="${BIOCLUSTER_HOST:-127.0.0.1}"

echo "==> Installing dashboard packages"
npm --prefix web ci --no-audit --no-fund --loglevel=error

echo "==> Building the API (this also regenerates the TypeScript client from openapi.yaml)"
dotnet build BioCluster.sln -c Release --nologo -v quiet

echo "==> Building the dashboard"
npm --prefix web run build --silent

echo
echo "  BioCluster dashboard:  http://${HOST}:${PORT}/"
echo "  Swagger UI:            http://${HOST}:${PORT}/swagger"
echo "  Data folder:           ${Database__DataDirectory:-$(pwd)/data} (SQLite, created on first run)"
echo "  Stop with Ctrl+C."
echo
exec dotnet run --project api -c Release --no-build --no-launch-profile -- --urls "http://${HOST}:${PORT}"
