#!/usr/bin/env bash
# Soak: READERS concurrent readers over every public page (wrk, rotating through the URLs) and EDITORS editors
# saving their own deal through DealEditor (bench/ComputeDeals.Bench soak-edit, the forms' write service, on the
# same database) for MINUTES, on each store. Reports reader requests, statuses, errors and p99 latency, editor
# saves, errors, lost acknowledged saves and save latency, the app's ERR log lines, and its memory: RSS sampled
# every SAMPLE seconds into rss-<store>.csv (seconds since warm-up, RSS MB, 1-min load), summarised as after
# warm-up -> peak -> end and the trend (least-squares slope) over the second half of the window.
#
# Usage: bench/soak.sh [minutes=10] [stores=sqlite,postgres]
#   READERS=64 EDITORS=2 PORT=5290 SAMPLE=15 SOAK_WORK=bench/data/soak (one folder per concurrent run; a relative
#   path is taken from the current folder) BUILD_LOCK=/tmp/some.lock (publish and build under flock)
#   SOAK_POSTGRES='Host=...;Username=...;Password=...'  a server to use (the user needs CREATEDB); without it a
#   throwaway cluster is started from /usr/lib/postgresql/*/bin (apt-get install postgresql) on SOAK_PG_PORT
#   (PORT + 10) and removed at the end.
# Smoke it small: READERS=4 bench/soak.sh 0.2 sqlite. Run the real thing on a quiet machine.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
# The app and the editors run from other folders: the working folder must be absolute (a relative one used
# to put the app's SQLite file somewhere the editors did not look).
work=${SOAK_WORK:-$repo/bench/data/soak}; mkdir -p "$work"; work=$(cd "$work" && pwd)
cd "$repo"
minutes=${1:-10}; stores=${2:-sqlite,postgres}
readers=${READERS:-64}; editors=${EDITORS:-2}; port=${PORT:-5290}; sample=${SAMPLE:-15}
seconds=$(python3 -c "print(max(5, int(float('$minutes') * 60)))")
base="http://127.0.0.1:$port"

command -v wrk >/dev/null || { [ "$(id -u)" -eq 0 ] && apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null; } \
  || { echo "install wrk first" >&2; exit 1; }

app=""; sampler=""; pg_dir=""; pg_bin=""; pg_port=""; pg_user=""
pg_as() { if [ -n "$pg_user" ]; then runuser -u "$pg_user" -- "$@"; else "$@"; fi; }
cleanup() {
  [ -n "$sampler" ] && kill "$sampler" 2>/dev/null || true
  [ -n "$app" ] && kill "$app" 2>/dev/null || true
  if [ -n "$pg_port" ]; then pg_as "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1 || true; fi
  # An if, not &&: under set -e a false last test would make the trap turn a clean exit into 1.
  if [ -n "$pg_dir" ]; then rm -rf "$pg_dir"; fi
}
trap cleanup EXIT

echo "Publishing the Release build and the soak editors..." >&2
# BUILD_LOCK=/path/to/lockfile: build under flock, when the machine is shared.
locked() { if [ -n "${BUILD_LOCK:-}" ]; then flock "$BUILD_LOCK" "$@"; else "$@"; fi; }
locked dotnet publish src/ComputeDeals.Web -c Release -o "$work/app" -nologo -v quiet -clp:ErrorsOnly >&2
locked dotnet build bench/ComputeDeals.Bench -c Release -nologo -v quiet -clp:ErrorsOnly >&2
editors_dll=$repo/bench/ComputeDeals.Bench/bin/Release/net10.0/ComputeDeals.Bench.dll

start_postgres() {
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -x "$pg_bin/initdb" ] || { echo "PostgreSQL is not installed (apt-get install postgresql) and SOAK_POSTGRES is not set" >&2; return 1; }
  if [ "$(id -u)" -eq 0 ]; then pg_user=postgres; id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres; fi
  pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/computedeals-soak-pg.XXXXXX"); [ -n "$pg_user" ] && chown "$pg_user" "$pg_dir"
  pg_as "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  pg_port=${SOAK_PG_PORT:-$((port + 10))}
  pg_as "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
    -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
}

rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }

# One sample: seconds since $2, the app's RSS in MB, the machine's 1-minute load.
rss_sample() { echo "$(($(date +%s) - $2)),$(awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$1/status"),$(cut -d' ' -f1 /proc/loadavg)"; }
# A sample every SAMPLE seconds until stopped.
sample_rss() {
  echo "seconds,rss_mb,load1" >"$3"
  while [ -r "/proc/$1/status" ]; do rss_sample "$1" "$2" >>"$3"; sleep "$sample"; done
}

# start -> peak -> end of the RSS series in the window ($2 seconds), its least-squares slope over the second half of
# the window, and the last sample (taken after the readers and editors stopped).
rss_summary() {
  python3 - "$1" "$2" <<'PY'
import csv, sys
every = [(float(r["seconds"]), float(r["rss_mb"]), float(r["load1"])) for r in csv.DictReader(open(sys.argv[1]))]
rows = [r for r in every if r[0] <= float(sys.argv[2])] or every
def slope(pts):
    n = len(pts)
    if n < 2: return float("nan")
    mx = sum(p[0] for p in pts) / n; my = sum(p[1] for p in pts) / n
    sxx = sum((p[0] - mx) ** 2 for p in pts)
    return sum((p[0] - mx) * (p[1] - my) for p in pts) / sxx * 60 if sxx else float("nan")
end = rows[-1][0]
half = [r for r in rows if r[0] >= end / 2]
lo, hi = min(r[1] for r in half), max(r[1] for r in half)
loads = [r[2] for r in rows]
print(f"{rows[0][1]:.0f} -> peak {max(r[1] for r in rows):.0f} -> end {rows[-1][1]:.0f} MB ({len(rows)} samples in the window, "
      f"{every[-1][1]:.0f} MB after it); "
      f"2nd half {lo:.0f}-{hi:.0f} MB, slope {slope(half):+.1f} MB/min (1st half {slope([r for r in rows if r[0] <= end / 2]):+.1f}) "
      f"| load {min(loads):.1f}-{max(loads):.1f}, mean {sum(loads) / len(loads):.1f}")
PY
}

soak() {
  local store=$1 provider conn
  case "$store" in
    sqlite) provider=Sqlite; rm -f "$work/soak.db"*; conn="Data Source=$work/soak.db" ;;
    postgres)
      provider=Postgres
      if [ -n "${SOAK_POSTGRES:-}" ]; then conn="$SOAK_POSTGRES;Database=cd_soak_$(date +%s)"
      else [ -n "$pg_port" ] || start_postgres || return 1; conn="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=cd_soak_$(date +%s);Maximum Pool Size=100"; fi ;;
    *) echo "unknown store $store" >&2; return 1 ;;
  esac

  # Every reader comes from one address, so the feeds' per-address limit (Api:RateLimit, 120 a minute) would answer
  # 429 by design (the 30 November run counted 758/841 of them on /feeds/deals.atom); the soak raises it.
  (cd "$work/app" && ASPNETCORE_ENVIRONMENT=Production Database__Provider=$provider ConnectionStrings__Default="$conn" \
     Api__RateLimit__PermitLimit=100000000 \
     Serilog__WriteTo__1__Args__configure__0__Args__path="$work/logs/$store-.log" \
     exec dotnet ComputeDeals.Web.dll --urls "$base" >"$work/app-$store.log" 2>&1) &
  app=$!
  local code=""
  for _ in $(seq 1 900); do code=$(curl -s -o /dev/null -w '%{http_code}' "$base/health" || true); [ "$code" = 200 ] && break; sleep 0.2; done
  [ "$code" = 200 ] || { echo "$store: the app did not answer /health; see $work/app-$store.log" >&2; return 1; }

  # Every public page (the API is left out: its per-address rate limit would answer 429 to a soak): lists, views, and each deal, company and data center permalink.
  local slugs='import json,sys; d=json.load(sys.stdin); d=d["items"] if isinstance(d,dict) else d; print("\n".join(i["slug"] for i in d))'
  {
    printf '%s\n' / /deals "/deals?view=table" /companies /datacenters /analytics /network /data /search?q=xai \
      /feeds/deals.atom
    curl -sf "$base/api/v1/deals?pageSize=100" | python3 -c "$slugs" | sed 's|^|/deals/|'
    curl -sf "$base/api/v1/companies?pageSize=100" | python3 -c "$slugs" | sed 's|^|/companies/|'
    curl -sf "$base/api/v1/datacenters" | python3 -c "$slugs" | sed 's|^|/datacenters/|'
  } >"$work/urls.txt"
  # Each wrk thread rotates through the URLs and counts the statuses it gets; done() prints the totals.
  cat >"$work/urls.lua" <<LUA
local paths = {}
for line in io.lines("$work/urls.txt") do paths[#paths + 1] = line end
local i = math.random(#paths)
request = function() i = i % #paths + 1; return wrk.format("GET", paths[i]) end
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) statuses = {} end
function response(status, headers, body) statuses[status] = (statuses[status] or 0) + 1 end
function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do total[status] = (total[status] or 0) + count end
  end
  local keys = {}
  for status in pairs(total) do keys[#keys + 1] = status end
  table.sort(keys)
  local parts = {}
  for _, status in ipairs(keys) do parts[#parts + 1] = status .. ": " .. total[status] end
  io.write("Statuses: " .. table.concat(parts, ", ") .. "\n")
end
LUA
  # Warm-up: every URL once, then the memory baseline.
  while read -r path; do curl -s -o /dev/null "$base$path"; done <"$work/urls.txt"
  # Only the soak window counts: start-up may log (PostgreSQL: EF reports the not-yet-created database once).
  local log_start; log_start=$(wc -l <"$work/app-$store.log")
  local t0; t0=$(date +%s)
  sample_rss "$app" "$t0" "$work/rss-$store.csv" & sampler=$!
  local load_start; load_start=$(cut -d' ' -f1-3 /proc/loadavg)

  wrk -t2 -c"$readers" -d"${seconds}s" --latency --timeout 10s -s "$work/urls.lua" "$base" >"$work/wrk-$store.txt" 2>&1 &
  local wrk_pid=$!
  local editors_status=0
  # A hard stop two minutes past the window: an editors' process that overruns is an error, not a hang.
  (cd "$work/app" && exec timeout -k 10 "$((seconds + 120))" dotnet "$editors_dll" soak-edit "$provider" "$conn" "$seconds" "$editors") \
    >"$work/editors-$store.txt" 2>&1 || editors_status=$?
  wait "$wrk_pid" || true
  local load_end; load_end=$(cut -d' ' -f1-3 /proc/loadavg)
  kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true; sampler=""
  rss_sample "$app" "$t0" >>"$work/rss-$store.csv"  # the end of the window
  kill "$app"; wait "$app" 2>/dev/null || true; app=""
  if [ "$editors_status" -eq 124 ] || [ "$editors_status" -eq 137 ]; then
    echo "$store: the editors' process overran the window by 2 minutes and was stopped" >&2
  fi

  local requests non2xx socket p99 errlines
  requests=$(awk '/requests in/ {print $1}' "$work/wrk-$store.txt")
  non2xx=$(awk '/Non-2xx or 3xx/ {print $NF}' "$work/wrk-$store.txt"); non2xx=${non2xx:-0}
  socket=$(awk -F'[ ,]+' '/Socket errors/ {print $4 + $6 + $8 + $10}' "$work/wrk-$store.txt"); socket=${socket:-0}
  p99=$(awk '$1=="99%" {print $2}' "$work/wrk-$store.txt")
  statuses=$(sed -n 's/^Statuses: //p' "$work/wrk-$store.txt")
  errlines=$(tail -n +"$((log_start + 1))" "$work/app-$store.log" | grep -c ' ERR\] ' || true)
  echo "| $store | $minutes min | $readers readers: $requests requests ($statuses), $non2xx non-2xx/3xx, $socket socket errors, p99 $p99 | $(grep '^editors total' "$work/editors-$store.txt" || echo 'no total: see editors-'"$store"'.txt') | $errlines | $(rss_summary "$work/rss-$store.csv" "$seconds") (start $load_start, end $load_end) |"
  [ "$editors_status" -eq 0 ] || { echo "$store: editors reported errors:" >&2; tail -n 5 "$work/editors-$store.txt" >&2; }
  [ "$editors_status" -eq 0 ] && [ "${non2xx:-0}" = 0 ] && [ "${socket:-0}" = 0 ] && [ "${errlines:-0}" = 0 ]
}

echo "| store | length | readers | editors | app ERR lines | RSS after warm-up -> peak -> end, trend | machine load |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
failed=0
for store in ${stores//,/ }; do soak "$store" || failed=1; done
echo "Details: $work/wrk-*.txt, $work/editors-*.txt, $work/rss-*.csv, $work/app-*.log" >&2
exit "$failed"
