#!/usr/bin/env bash
# The deadline rush, on the release build: 300 applicants, each logged in as
# themselves, each autosaving their kommun's application every 5 seconds (open
# loop, see server/examples/autosave_load.rs), every kommun submitting in the
# last minute, while 20 jurors and 10 visitors browse; once on SQLite and once
# on a throwaway PostgreSQL, with a bare axum handler as the ceiling in the
# same run. Reports each kind of request, failures, latency and the portal's memory.
#   bench/autosave_load.sh [seconds] [clients]
# Writes bench/results/autosave_load.txt.
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
cd "$ROOT"

duration="${1:-60}"
clients="${2:-300}"
"$ROOT/scripts/build.sh" --release >/dev/null
log "building the load generator (release)"
cargo build --release -q -p server --example autosave_load --example bare_axum

work="$(mktemp -d /tmp/portal-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
# The runs happen in the subshell that feeds tee: it stops what it started.
pid=""
ceiling_pid=""
stop_all() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; fi
  if [ -n "$ceiling_pid" ]; then kill "$ceiling_pid" 2>/dev/null || true; fi
  stop_test_postgres
}

# Other compilers on the machine make the numbers noisy; say so beside them.
busy() {
  echo "load average $(cut -d' ' -f1-3 /proc/loadavg), $(pgrep -c -x rustc || true) rustc processes running"
}

# run <name> <database url>
run() {
  local name="$1" url="$2" port base
  port="$(free_port)"
  base="http://127.0.0.1:$port"
  DATABASE_URL="$url" PORTAL_ADDR="127.0.0.1:$port" PORTAL_BASE_URL="$base" PORTAL_OUTBOX_DIR="$work/outbox" \
    PORTAL_FIXED_TIME=2027-01-10T10:00:00Z RUST_LOG=warn \
    "$ROOT/target/release/portal" serve > "$work/portal-$name.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 300); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
  curl -fs "$base/healthz" >/dev/null || { cat "$work/portal-$name.log" >&2; return 1; }
  sleep 1

  echo "# $(date -u +%FT%TZ), $(nproc) cores, release build, $name; $clients clients for ${duration} s"
  echo "# before: $(busy)"
  "$ROOT/target/release/examples/autosave_load" \
    --base-url "$base" --database-url "$url" --pid "$pid" --duration "$duration" --clients "$clients" \
    --ceiling-url "$ceiling"
  echo "# after: $(busy)"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  pid=""
  # The fixed clock's own warning is expected; anything else is worth reading.
  local problems
  problems="$(grep -v 'PORTAL_FIXED_TIME is set' "$work/portal-$name.log" || true)"
  echo "portal log, warnings and errors: $(printf '%s' "$problems" | grep -c . || true) lines"
  # Numbers and ids differ from line to line; the first few tell the story.
  if [ -n "$problems" ]; then printf '%s\n' "$problems" | head -n 10 | cut -c1-400 | sed 's/^/  /'; fi
  echo
}

mkdir -p bench/results
ceiling="http://127.0.0.1:$(free_port)"
{
  trap stop_all EXIT
  "$ROOT/target/release/examples/bare_axum" "${ceiling#http://}" &
  ceiling_pid=$!
  run SQLite "sqlite://$work/portal.db"
  start_test_postgres
  "${PG_AS[@]}" "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres bench
  run PostgreSQL "postgres://postgres@127.0.0.1:$PG_PORT/bench"
} | tee bench/results/autosave_load.txt
