#!/usr/bin/env bash
# Requests per second for the public round page `/` on the release build,
# beside a bare axum handler in the same run, with wrk on loopback.
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
mkdir -p bench/results
{
  echo "# $(date -u +%FT%TZ), $(nproc) cores, wrk -t2 -c$connections -d${duration}s, release build, SQLite"
  echo "## portal GET / (SSR of the round page, database read, brotli)"
  run "http://127.0.0.1:$portal_port/"
  echo "## bare axum GET / (fixed string)"
  run "http://127.0.0.1:$bare_port/"
  echo "## resident memory after the run (KiB)"
  echo "portal: $(awk '/VmRSS/ {print $2}' "/proc/${pids[0]}/status")"
} | tee bench/results/public_page.txt

portal_rps=$(awk '/Requests\/sec/ {print $2; exit}' bench/results/public_page.txt)
bare_rps=$(awk '/Requests\/sec/ {n++} n==2 && /Requests\/sec/ {print $2; exit}' bench/results/public_page.txt)
echo "ratio portal/bare: $(python3 -c "print(f'{$portal_rps/$bare_rps:.3f}')")" | tee -a bench/results/public_page.txt
