#!/usr/bin/env bash
# CSV export benchmark: peak server memory while streaming 1k..100k rows of /api/v1/deals.csv.
# Usage: bench/csv-export.sh [total deals, default 100000]. Results go in docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/ComputeDeals.Web -c Release -nologo -clp:ErrorsOnly
dotnet run --project bench/CsvExportBench -c Release -- "src/ComputeDeals.Web/bin/Release/net10.0/ComputeDeals.Web.dll" "${1:-100000}"
