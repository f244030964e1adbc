#!/usr/bin/env bash
# Lighthouse and axe-core on the published Release build in Production, both themes.
#
# Usage: bench/lighthouse.sh [port=5131]
#   Publishes src/ComputeDeals.Web (Release) into bench/data/lighthouse/app, starts it on a fresh
#   seed database, runs Lighthouse (performance, accessibility, best practices, SEO) and axe-core
#   (serious and critical violations) on home, timeline, a deal permalink, analytics, a company and
#   a data center, in the light and the dark theme, prints one Markdown table for docs/accessibility.md
#   and exits non-zero when a page scores below the targets (100 for accessibility, best practices and
#   SEO, 95 for performance) or axe finds a serious or critical violation.
#
# Needs Node.js and, in a tools folder outside the repository (TOOLS, default ~/.cache/computedeals-lighthouse),
# the npm packages lighthouse, axe-core and puppeteer-core; installed there with npm when missing.
# Chromium: CHROME_PATH (default /usr/bin/chromium). Run it on a quiet machine: performance is timing.
set -euo pipefail
cd "$(dirname "$0")/.."; repo=$PWD
port=${1:-5131}
tools=${TOOLS:-$HOME/.cache/computedeals-lighthouse}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
work=bench/data/lighthouse; mkdir -p "$work/reports"
base="http://127.0.0.1:$port"
pages=(/ /deals /deals/openai-coreweave-2025-05 /analytics /companies/openai /datacenters/colossus-1)

if [ ! -x "$tools/node_modules/.bin/lighthouse" ] || [ ! -f "$tools/node_modules/axe-core/axe.min.js" ] || [ ! -d "$tools/node_modules/puppeteer-core" ]; then
  echo "Installing lighthouse, axe-core and puppeteer-core into $tools..." >&2
  mkdir -p "$tools"
  # Lighthouse 13 needs Node 22.19+; on older Node the last 12.x runs the same audits.
  node_major=$(node -p 'process.versions.node.split(".")[0]')
  lh=lighthouse@13; [ "$node_major" -ge 22 ] || lh=lighthouse@12
  (cd "$tools" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent "$lh" axe-core@4 puppeteer-core >&2)
fi

echo "Publishing the Release build..." >&2
dotnet publish src/ComputeDeals.Web -c Release -o "$work/app" -nologo -v quiet -clp:ErrorsOnly >&2
db="$PWD/$work/seed.db"; rm -f "$db" "$db-wal" "$db-shm"
(cd "$work/app" && ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Default="Data Source=$db" \
   Database__SeedOnStart=true Database__SeedDirectory="$repo/data/seed" \
   exec dotnet ComputeDeals.Web.dll --urls "$base" >"../app.log" 2>&1) &
app=$!
trap 'kill "$app" 2>/dev/null || true' EXIT
code=000
for _ in $(seq 1 600); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$base/health" || true)
  [ "$code" = 200 ] && break; sleep 0.1
done
[ "$code" = 200 ] || { echo "app did not answer 200; see $work/app.log" >&2; exit 1; }
for p in "${pages[@]}"; do curl -s -o /dev/null "$base$p"; done   # warm the caches once

echo "| page | theme | performance | accessibility | best practices | SEO | axe serious/critical |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: |"
failed=0
for theme in light dark; do
  for p in "${pages[@]}"; do
    name=$(echo "${p#/}" | tr '/' '_'); name=${name:-home}
    out="$work/reports/$name-$theme.json"
    "$tools/node_modules/.bin/lighthouse" "$base$p" --quiet --output=json --output-path="$out" \
      --only-categories=performance,accessibility,best-practices,seo \
      --extra-headers="{\"Cookie\":\"cd-theme=$theme\"}" \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu" >/dev/null 2>"$work/reports/$name-$theme.log" || true
    scores=$(node -e '
      const r = require(process.argv[1]); const c = r.categories || {};
      const s = k => c[k] && c[k].score !== null ? Math.round(c[k].score * 100) : "n/a";
      const failing = Object.values(r.audits || {}).filter(a => a.score !== null && a.score < 1 && ["binary","numeric"].includes(a.scoreDisplayMode) && a.details && a.details.type !== "opportunity" && Object.values(c).some(cat => cat.id !== "performance" && cat.auditRefs.some(x => x.id === a.id && x.weight > 0))).map(a => a.id);
      console.log([s("performance"), s("accessibility"), s("best-practices"), s("seo"), failing.join(",")].join(" "));
    ' "$PWD/$out" 2>/dev/null || echo "n/a n/a n/a n/a")
    read -r perf a11y bp seo failing <<<"$scores"
    axe=$(NODE_PATH="$tools/node_modules" node bench/axe.mjs "$base$p" "$theme" 2>>"$work/reports/$name-$theme.log" || echo "error")
    echo "| \`$p\` | $theme | $perf | $a11y | $bp | $seo | $axe |"
    [ -n "${failing:-}" ] && echo "  $p ($theme) failing audits: $failing" >&2
    if [ "$perf" = n/a ] || [ "$perf" -lt 95 ] || [ "$a11y" != 100 ] || [ "$bp" != 100 ] || [ "$seo" != 100 ] || [ "$axe" != 0 ]; then failed=1; fi
  done
done
echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%F %H:%M UTC'); Lighthouse $("$tools/node_modules/.bin/lighthouse" --version), axe-core $(node -p "require('$tools/node_modules/axe-core/package.json').version"), $("$CHROME_PATH" --version 2>/dev/null | head -1)"
echo "Reports: $work/reports/*.json" >&2
exit $failed
