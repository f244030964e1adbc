#!/usr/bin/env bash
# Runs every test project and prints one line "N passed, N failed[, N skipped]".
# Exits non-zero on any failure, when a test project's run (on either store) executed no test, or when
# its results file is missing (each such run counts as one failure in the total line); with --filter a
# project that matches no test is fine, as long as some test ran.
#
# Test projects marked <TestAgainstPostgres>true</TestAgainstPostgres> run twice: on SQLite and on
# a real PostgreSQL server. For that run this script installs PostgreSQL from Debian when it is
# missing, starts a throwaway cluster (initdb in a temporary folder, pg_ctl on a free loopback
# port, as the postgres user when run as root) and always stops and removes it on exit.
# It also installs Chromium for the browser tests when missing.
#
# Usage: ./test.sh [--sqlite-only] [dotnet test options, e.g. --filter ...]
#   --sqlite-only (or COMPUTEDEALS_SKIP_POSTGRES=1) skips the PostgreSQL run, for machines without it.
#   COMPUTEDEALS_PG_PORT=N: first port tried for the throwaway cluster (default 55432).
set -uo pipefail
cd "$(dirname "$0")"

skip_postgres=${COMPUTEDEALS_SKIP_POSTGRES:-0}
test_args=()
for arg in "$@"; do
  case "$arg" in
    --sqlite-only) skip_postgres=1 ;;
    *) test_args+=("$arg") ;;
  esac
done

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=0
apt_install() {
  if [ "$apt_updated" -eq 0 ]; then as_root apt-get update -q >/dev/null; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q "$@" >/dev/null
}

if ! command -v chromium >/dev/null 2>&1 && [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "Installing Chromium for the browser tests..."
  apt_install chromium || { echo "Could not install chromium"; exit 1; }
fi

results=$(mktemp -d)
pg_dir=""
pg_bin=""
pg_port=""
pg_user=""

# Runs a PostgreSQL server binary as a non-root user (initdb and postgres refuse root).
pg_as() { if [ -n "$pg_user" ]; then runuser -u "$pg_user" -- "$@"; else "$@"; fi; }

cleanup() {
  if [ -n "$pg_dir" ]; then
    if [ -n "$pg_port" ]; then pg_as "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1; fi
    rm -rf "$pg_dir"
  fi
  rm -rf "$results"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

find_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Installs (when missing) and starts the throwaway cluster; sets pg_port. Returns non-zero on failure.
start_postgres() {
  pg_bin=$(find_pg_bin)
  if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
    echo "Installing PostgreSQL for the PostgreSQL test run..."
    apt_install postgresql || { echo "Could not install postgresql"; return 1; }
    pg_bin=$(find_pg_bin)
    [ -x "$pg_bin/initdb" ] || { echo "PostgreSQL binaries not found under /usr/lib/postgresql"; return 1; }
  fi

  if [ "$(id -u)" -eq 0 ]; then
    pg_user=postgres
    id "$pg_user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$pg_user" || return 1
  fi
  pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/computedeals-pg.XXXXXX")
  [ -n "$pg_user" ] && chown "$pg_user" "$pg_dir"

  # C.UTF-8: UTF-8 text, code-point ordering like SQLite's; trust auth is safe on a loopback-only throwaway.
  pg_as "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$pg_dir/initdb.log" 2>&1 \
    || { echo "initdb failed:"; tail -n 20 "$pg_dir/initdb.log"; return 1; }

  local first=${COMPUTEDEALS_PG_PORT:-55432} port
  for port in $(seq "$first" $((first + 60))); do
    port_free "$port" || continue
    # fsync off: the tests crash the app, never this server, so its data need not survive power loss.
    if pg_as "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
        -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c full_page_writes=off" \
        start >/dev/null 2>&1; then
      pg_port=$port
      echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') test cluster on 127.0.0.1:$pg_port"
      return 0
    fi
  done
  echo "Could not start PostgreSQL:"; tail -n 20 "$pg_dir/server.log" 2>/dev/null
  return 1
}

extra_failures=0
wants_postgres=0
for project in tests/*/*.csproj; do
  grep -q '<TestAgainstPostgres>true</TestAgainstPostgres>' "$project" && wants_postgres=1
done
if [ "$wants_postgres" -eq 1 ] && [ "$skip_postgres" != 1 ]; then
  start_postgres || { extra_failures=1; pg_port=""; }
fi

dotnet build ComputeDeals.sln -nologo -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }

status=0
expected=()   # one results file per test project and store; each must exist and have executed tests
for project in tests/*/*.csproj; do
  grep -q '<IsTestProject>true</IsTestProject>' "$project" || continue
  name=$(basename "$project" .csproj)
  echo "== $name (SQLite)"
  COMPUTEDEALS_TEST_PROVIDER=Sqlite dotnet test "$project" --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" "${test_args[@]}" || status=$?
  expected+=("$name.trx")
  grep -q '<TestAgainstPostgres>true</TestAgainstPostgres>' "$project" || continue
  if [ "$skip_postgres" = 1 ]; then
    echo "== $name (PostgreSQL) not run: --sqlite-only"
  elif [ -n "$pg_port" ]; then
    echo "== $name (PostgreSQL)"
    COMPUTEDEALS_TEST_PROVIDER=Postgres COMPUTEDEALS_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres" \
      dotnet test "$project" --no-build -nologo \
      --logger "trx;LogFileName=$name.Postgres.trx" --results-directory "$results" "${test_args[@]}" || status=$?
    expected+=("$name.Postgres.trx")
  fi
done

# With --filter a project may rightly match nothing; then only "no test ran at all" fails.
filtered=0
for arg in "${test_args[@]}"; do case "$arg" in --filter|--filter=*) filtered=1 ;; esac; done

passed=0; failed=$extra_failures; skipped=0; total=0; empty_runs=()
for file in "${expected[@]}"; do
  trx="$results/$file"
  # A missing results file or a run that executed nothing is a failure, never a silent pass.
  if [ ! -e "$trx" ]; then empty_runs+=("$file (no results file)"); failed=$((failed + 1)); continue; fi
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  t=$(get total); p=$(get passed); f=$(get failed); e=$(get executed)
  if [ "${e:-0}" -eq 0 ] && [ "$filtered" -eq 0 ]; then empty_runs+=("$file (no test executed)"); failed=$((failed + 1)); fi
  total=$((total + ${t:-0})); passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
  skipped=$((skipped + ${t:-0} - ${e:-0}))
done
for run in "${empty_runs[@]}"; do echo "FAILED: $run"; done

line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$extra_failures" -gt 0 ] && echo "(1 failure counted because the PostgreSQL test cluster could not start; ./test.sh --sqlite-only skips it)"

if [ "$total" -eq 0 ]; then echo "No test ran."; exit 1; fi
if [ "$failed" -gt 0 ] || [ "$status" -ne 0 ]; then exit 1; fi
exit 0
