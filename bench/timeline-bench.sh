#!/usr/bin/env bash
# Generates bench/data/bench.db (100,000 synthetic deals) if missing, starts the app on it and
# measures the /deals scenarios. Usage: bench/timeline-bench.sh [port] [runs] [deals]
set -euo pipefail
cd "$(dirname "$0")/.."
port=${1:-5106}; runs=${2:-40}; deals=${3:-100000}
db=bench/data/bench.db
dotnet build bench/ComputeDeals.Bench -nologo -clp:ErrorsOnly -c "${CONFIGURATION:-Debug}"
bench() { dotnet "bench/ComputeDeals.Bench/bin/${CONFIGURATION:-Debug}/net10.0/ComputeDeals.Bench.dll" "$@"; }
[ -f "$db" ] || bench generate "$db" "$deals"
ConnectionStrings__Default="Data Source=$PWD/$db" ASPNETCORE_ENVIRONMENT=Production Database__SeedOnStart=false \
  dotnet "src/ComputeDeals.Web/bin/${CONFIGURATION:-Debug}/net10.0/ComputeDeals.Web.dll" --urls "http://127.0.0.1:$port" \
  --contentRoot "$PWD/src/ComputeDeals.Web" >bench/data/app.log 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 1; done
bench measure "$db" "http://127.0.0.1:$port" "$runs"
