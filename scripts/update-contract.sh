#!/usr/bin/env bash
# After an API change: rewrites openapi.yaml from the code, then regenerates web/src/api/client.ts
# from it. Commit both files with the change.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
BIOCLUSTER_WRITE_OPENAPI=1 dotnet test tests/BioCluster.Api.Tests --nologo \
  --filter "FullyQualifiedName~OpenApiContractTests.CommittedOpenApiYaml_MatchesServedDocument"
dotnet build contracts --nologo -v quiet
echo "openapi.yaml and web/src/api/client.ts are up to date; commit them."
