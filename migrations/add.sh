#!/usr/bin/env bash
# Adds a migration NAME to both providers: ./migrations/add.sh NAME
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: migrations/add.sh NAME}
dotnet tool restore >/dev/null
for p in Sqlite PostgreSql; do
  dotnet ef migrations add "$name" --project "migrations/EthicsCases.Migrations.$p" --startup-project "migrations/EthicsCases.Migrations.$p" --output-dir Migrations
done
migrations/optimize.sh
