#!/usr/bin/env bash
# Regenerates each provider's compiled EF model (the app loads it instead of building the model at start):
# ./migrations/optimize.sh. Run after any model change; migrations/add.sh runs it. CompiledModelTests fails while a
# compiled model no longer matches the model the configuration builds.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for p in Sqlite PostgreSql; do
  rm -rf "migrations/EthicsCases.Migrations.$p/CompiledModel"
  dotnet ef dbcontext optimize --project "migrations/EthicsCases.Migrations.$p" --startup-project "migrations/EthicsCases.Migrations.$p" \
    --output-dir CompiledModel --namespace "EthicsCases.Migrations.$p.CompiledModel"
  # Loaded explicitly per provider (DatabaseSettings.CompiledModel): no assembly-wide discovery attribute.
  rm -f "migrations/EthicsCases.Migrations.$p/CompiledModel/EthicsDbContextAssemblyAttributes.cs"
done
