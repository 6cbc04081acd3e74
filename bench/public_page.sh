#!/usr/bin/env bash
# Requests per second for the public start page `/` and an award's call page
# (`/utmarkelser/ehalsokommun`) on the release build, beside
# the portal's own `/healthz` (the ratio is the figure that counts: the machine's
# speed cancels out), a hashed file under `/pkg/`, and a bare axum handler in the
# same run, with wrk on loopback.
#   bench/public_page.sh [seconds] [connections]
# Writes bench/results/public_page.txt.
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
cd "$ROOT"

duration="${1:-15}"
connections="${2:-64}"
apt_install wrk
"$ROOT/scripts/build.sh" --release >/dev/null
cargo build --release -p server --example bare_axum -q

work="$(mktemp -d /tmp/portal-bench.XXXXXX)"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"' EXIT

portal_port="$(free_port)"
bare_port="$(free_port)"
DATABASE_URL="sqlite://$work/portal.db" PORTAL_ADDR="127.0.0.1:$portal_port" RUST_LOG=warn \
  "$ROOT/target/release/portal" serve > "$work/portal.log" 2>&1 &
pids+=($!)
"$ROOT/target/release/examples/bare_axum" "127.0.0.1:$bare_port" &
pids+=($!)
for port in "$portal_port" "$bare_port"; do
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/" >/dev/null 2>&1 && break; sleep 0.1; done
done

run() {
  wrk -t2 -c"$connections" -d"${duration}s" --latency -H 'Accept-Encoding: br' "$1"
}
css="$(awk '/^css: / {print $2}' target/site/hash.txt)"
mkdir -p bench/results
{
  echo "# $(date -u +%FT%TZ), $(nproc) cores, wrk -t2 -c$connections -d${duration}s, release build, SQLite"
  echo "## portal GET / (the start page: every award and where it stands, brotli)"
  run "http://127.0.0.1:$portal_port/"
  echo "## portal GET /utmarkelser/ehalsokommun (the award's call for applications, brotli)"
  run "http://127.0.0.1:$portal_port/utmarkelser/ehalsokommun"
  echo "## portal GET /healthz (the portal's own cheapest answer: a database ping)"
  run "http://127.0.0.1:$portal_port/healthz"
  echo "## portal GET /pkg/portal.$css.css (a hashed file, precompressed)"
  run "http://127.0.0.1:$portal_port/pkg/portal.$css.css"
  echo "## bare axum GET / (fixed string)"
  run "http://127.0.0.1:$bare_port/"
  echo "## resident memory after the run (KiB)"
  echo "portal: $(awk '/VmRSS/ {print $2}' "/proc/${pids[0]}/status")"
} | tee bench/results/public_page.txt

rate() { awk '/Requests\/sec/ {n++} n=='"$1"' && /Requests\/sec/ {print $2; exit}' bench/results/public_page.txt; }
page_rps="$(rate 1)" call_rps="$(rate 2)" healthz_rps="$(rate 3)" pkg_rps="$(rate 4)" bare_rps="$(rate 5)"
{
  echo "ratio / to /healthz: $(python3 -c "print(f'{$page_rps/$healthz_rps:.3f}')")"
  echo "ratio /utmarkelser/ehalsokommun to /healthz: $(python3 -c "print(f'{$call_rps/$healthz_rps:.3f}')")"
  echo "ratio /pkg/ to /healthz: $(python3 -c "print(f'{$pkg_rps/$healthz_rps:.3f}')")"
  echo "ratio / to bare axum: $(python3 -c "print(f'{$page_rps/$bare_rps:.3f}')")"
} | tee -a bench/results/public_page.txt
