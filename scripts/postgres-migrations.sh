#!/usr/bin/env bash
# Maintains the PostgreSQL migrations (src/ComputeDeals.Web/Data/Migrations/Postgres).
# EF Core keeps one migrations set per context type: SQLite migrations belong to AppDbContext,
# PostgreSQL migrations to PostgresAppDbContext. No server is needed: only the model is read.
#
#   scripts/postgres-migrations.sh regenerate   # delete the set and rebuild "Initial" from the current model
#                                               # (only while no PostgreSQL deployment exists)
#   scripts/postgres-migrations.sh add NAME     # add an incremental migration (once deployed)
#   scripts/postgres-migrations.sh script FILE  # write the idempotent SQL for DBAs to FILE
set -euo pipefail
cd "$(dirname "$0")/.."

project=src/ComputeDeals.Web
folder=Data/Migrations/Postgres
common=(--project "$project" --startup-project "$project" --context PostgresAppDbContext)

dotnet tool restore >/dev/null
case "${1:-}" in
  regenerate)
    rm -rf "${project:?}/$folder"
    dotnet ef migrations add Initial "${common[@]}" --output-dir "$folder"
    ;;
  add)
    [ -n "${2:-}" ] || { echo "usage: $0 add NAME" >&2; exit 2; }
    dotnet ef migrations add "$2" "${common[@]}" --output-dir "$folder"
    ;;
  script)
    [ -n "${2:-}" ] || { echo "usage: $0 script FILE" >&2; exit 2; }
    dotnet ef migrations script --idempotent "${common[@]}" --output "$2"
    ;;
  *)
    sed -n '2,10p' "$0" >&2
    exit 2
    ;;
esac
