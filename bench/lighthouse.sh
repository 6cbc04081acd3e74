#!/usr/bin/env bash
# Lighthouse (npm `lighthouse`, pinned in bench/package.json) with Debian's
# Chromium against the release build with the demo data, on three pages: the
# public round page, the application form (logged in as the demo applicant,
# before the deadline) and the jury's reading view (logged in as the demo
# juror, on a clock after the deadline). Mobile preset, simulated throttling.
#   bench/lighthouse.sh
# Writes bench/results/lighthouse.txt: the scores, the main timings, and every
# audit below a full score in accessibility and best practices.
set -euo pipefail
# A failure inside $(…) stops the script too: a failed log-in must not be measured as the page behind it.
shopt -s inherit_errexit
source "$(dirname "$0")/../scripts/lib.sh"
cd "$ROOT"

command -v chromium >/dev/null || apt_install chromium
command -v npm >/dev/null || apt_install nodejs npm
(cd bench && npm ci --no-audit --no-fund --silent)
"$ROOT/scripts/build.sh" --release >/dev/null

source bench/lib.sh
bench_work lighthouse

lighthouse() {
  local name="$1" url="$2" cookie="${3:-}"
  local headers='{}'
  [ -n "$cookie" ] && headers="{\"Cookie\": \"$cookie\"}"
  bench/node_modules/.bin/lighthouse "$url" --quiet --output=json --output-path="$work/$name.json" \
    --only-categories=performance,accessibility,best-practices --extra-headers="$headers" \
    --chrome-path="$(command -v chromium)" --chrome-flags='--headless=new --no-sandbox --disable-gpu'
  python3 - "$work/$name.json" "$name" <<'EOF'
import json, sys
report = json.load(open(sys.argv[1]))
if report["finalDisplayedUrl"] != report["requestedUrl"]:
    sys.exit(f"{report['requestedUrl']} was sent on to {report['finalDisplayedUrl']}: not the page to measure")
cats, audits = report["categories"], report["audits"]
score = lambda c: round(cats[c]["score"] * 100)
print(f"## {sys.argv[2]}: {report['finalDisplayedUrl']}")
print(f"performance {score('performance')}, accessibility {score('accessibility')}, best practices {score('best-practices')}")
timings = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"]
print("; ".join(f"{audits[t]['title']} {audits[t]['displayValue']}" for t in timings))
lcp = audits.get("largest-contentful-paint-element", {}).get("details", {}).get("items", [])
nodes = [i["node"]["snippet"] for table in lcp for i in table.get("items", []) if "node" in i]
if nodes:
    print(f"largest contentful element: {nodes[0][:120]}")
for cat in ["performance", "accessibility", "best-practices"]:
    for ref in cats[cat]["auditRefs"]:
        audit = audits[ref["id"]]
        if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
            print(f"  below full ({cat}): {audit['id']}: {audit['title']} {audit.get('displayValue', '')}".rstrip())
EOF
}

mkdir -p bench/results
{
  echo "# $(date -u +%FT%TZ), $(nproc) cores, lighthouse $(bench/node_modules/.bin/lighthouse --version), $(chromium --version), release build, SQLite, mobile preset with simulated throttling"
  # Before the deadline: the public page and the applicant's form.
  open_clock="$(start 2027-01-10T10:00:00Z)"
  lighthouse "public round page" "$open_clock/"
  lighthouse "application form" "$open_clock/ansokan" "$(log_in "$open_clock" sokande@kalmar.demo.example.se)"
  # After the deadline (the demo data then moves the round into review): the juror reads.
  closed_clock="$(start 2027-04-16T08:00:00Z)"
  juror="$(log_in "$closed_clock" jury@demo.example.se)"
  lighthouse "jury reading view" "$(first_reading "$closed_clock" "$juror")" "$juror"
} | tee bench/results/lighthouse.txt
