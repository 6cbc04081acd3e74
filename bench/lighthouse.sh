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

work="$(mktemp -d /tmp/portal-lighthouse.XXXXXX)"
# The portals start in subshells (command substitution): their ids go to a file.
trap 'kill $(cat "$work/pids" 2>/dev/null) 2>/dev/null || true; rm -rf "$work"' EXIT
export DATABASE_URL="sqlite://$work/portal.db" PORTAL_OUTBOX_DIR="$work/outbox" RUST_LOG=warn

# Starts the portal on a clock of its own (the same database) and prints its address.
start() {
  local port
  port="$(free_port)"
  PORTAL_FIXED_TIME="$1" "$ROOT/target/release/portal" seed-demo >/dev/null
  PORTAL_FIXED_TIME="$1" PORTAL_ADDR="127.0.0.1:$port" PORTAL_BASE_URL="http://127.0.0.1:$port" \
    "$ROOT/target/release/portal" serve >> "$work/portal.log" 2>&1 &
  echo $! >> "$work/pids"
  for _ in $(seq 1 100); do
    if curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then
      echo "http://127.0.0.1:$port"
      return
    fi
    sleep 0.1
  done
  echo "the portal did not start:" >&2
  cat "$work/portal.log" >&2
  exit 1
}

# Logs in as the log-in page's form would and prints the Cookie header that carries the session.
log_in() {
  local base="$1" email="$2" jar="$work/$2.cookies" csrf
  curl -fs -c "$jar" "$base/logga-in" >/dev/null
  csrf="$(awk '$6 == "portal_csrf" {print $7}' "$jar")"
  curl -fs -b "$jar" -c "$jar" -H "Origin: $base" -H 'Accept: application/json' \
    --data-urlencode "csrf=$csrf" --data-urlencode "email=$email" \
    --data-urlencode 'password=demo vid Kalmarsund 2027' "$base/api/log_in" >/dev/null
  grep -q 'portal_session' "$jar" || { echo "$email could not log in at $base" >&2; exit 1; }
  awk '$6 ~ /^portal_/ {printf "%s%s=%s", (n++ ? "; " : ""), $6, $7}' "$jar"
}

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
  reading="$(curl -fs -H "Cookie: $juror" "$closed_clock/jury" | { grep -o '/jury/ansokan/[0-9a-f-]*' || true; } | head -n1)"
  [ -n "$reading" ] || { echo "the demo juror's list has no application to read" >&2; exit 1; }
  lighthouse "jury reading view" "$closed_clock$reading" "$juror"
} | tee bench/results/lighthouse.txt
