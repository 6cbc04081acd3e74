# What the page benchmarks share: a work folder, portals with the demo data on a
# clock of their own, and logging in as a demo person. Sourced after scripts/lib.sh.

# Makes $work, a folder the portals started here write to, removed (and they stopped) on exit.
bench_work() {
  work="$(mktemp -d "/tmp/portal-$1.XXXXXX")"
  # The portals start in subshells (command substitution): their ids go to a file.
  trap 'kill $(cat "$work/pids" 2>/dev/null) 2>/dev/null || true; rm -rf "$work"' EXIT
  export DATABASE_URL="sqlite://$work/portal.db" PORTAL_OUTBOX_DIR="$work/outbox" RUST_LOG=warn
}

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


# Prints the address of the first application on the juror's list (with cookie $2 at $1).
first_reading() {
  local reading
  reading="$(curl -fs -H "Cookie: $2" "$1/jury" | { grep -o '/jury/ansokan/[0-9a-f-]*' || true; } | head -n1)"
  [ -n "$reading" ] || { echo "the demo juror's list has no application to read" >&2; exit 1; }
  echo "$1$reading"
}
