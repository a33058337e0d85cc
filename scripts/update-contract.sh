#!/usr/bin/env bash
# After an API change: rewrites openapi.yaml from the code, then regenerates web/src/api/client.ts
# (and operations.ts, its operations by named parameters) from it. Commit the three files with the change.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
BIOCLUSTER_WRITE_OPENAPI=1 dotnet test tests/BioCluster.Api.Tests --nologo \
  --filter "FullyQualifiedName~OpenApiContractTests.CommittedOpenApiYaml_MatchesServedDocument|FullyQualifiedName~MoveFormsContractTests"
dotnet build contracts --nologo -v quiet
echo "openapi.yaml, web/src/api/client.ts and web/src/api/operations.ts are up to date; commit them."
