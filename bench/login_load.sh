#!/usr/bin/env bash
# Page-load latency of `/` while 100 log-ins run at once, on the release build:
# does a burst of argon2id hashing starve page loads? Measures `/` alone first,
# then with 100 connections posting correct log-ins (every one hashes) beside it.
#   bench/login_load.sh [seconds]
# Writes bench/results/login_load.txt.
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
cd "$ROOT"

duration="${1:-20}"
apt_install wrk
"$ROOT/scripts/build.sh" --release >/dev/null

work="$(mktemp -d /tmp/portal-bench.XXXXXX)"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"' EXIT

port="$(free_port)"
base="http://127.0.0.1:$port"
export DATABASE_URL="sqlite://$work/portal.db" PORTAL_ADDR="127.0.0.1:$port" PORTAL_BASE_URL="$base" RUST_LOG=warn
"$ROOT/target/release/portal" seed-demo > /dev/null
"$ROOT/target/release/portal" serve > "$work/portal.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 0.1; done

# A visitor's CSRF cookie and token, reused by every log-in request.
token="$(curl -fs -D - -o /dev/null "$base/logga-in" | sed -n 's/^set-cookie: portal_csrf=\([^;]*\).*/\1/ip' | tr -d '\r')"
cat > "$work/login.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Accept"] = "application/json"
wrk.headers["Origin"] = "$base"
wrk.headers["Cookie"] = "portal_csrf=$token"
wrk.body = "csrf=$token&email=sokande%40kalmar.demo.example.se&password=demo+vid+Kalmarsund+2027"
LUA

page() { wrk -t1 -c8 -d"${1}s" --latency "$base/"; }
mkdir -p bench/results
{
  echo "# $(date -u +%FT%TZ), $(nproc) cores, release build, SQLite; page: wrk -t1 -c8"
  echo "## GET / alone"
  page "$duration"
  echo "## GET / while 100 connections post correct log-ins (argon2id m=19 MiB t=2 p=1 each)"
  wrk -t1 -c100 -d"$((duration + 4))s" --latency -s "$work/login.lua" "$base/api/log_in" > "$work/logins.txt" &
  load=$!
  sleep 2
  page "$duration"
  wait "$load"
  echo "## the log-ins themselves"
  cat "$work/logins.txt"
} | tee bench/results/login_load.txt
