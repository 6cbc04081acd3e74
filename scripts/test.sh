#!/usr/bin/env bash
# Runs every test of the portal, from a fresh machine or a warm one:
#   lint (rustfmt, clippy for the server and the browser build), the dependencies (cargo deny),
#   unit and integration tests on a real SQLite file and a real PostgreSQL server,
#   a short fuzzing run of every fuzz target (scripts/fuzz.sh, nightly toolchain),
#   mail through a real SMTP server on loopback (aiosmtpd),
#   browser tests in Debian's headless Chromium against the real portal.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

apt_install chromium postgresql python3 curl
command -v npm >/dev/null || apt_install nodejs npm
ensure_build_tools
for component in clippy rustfmt; do
  rustup component list --installed | grep -q "^$component" || rustup component add "$component"
done
# The dependency check (licences, bans, sources), from crates.io.
command -v cargo-deny >/dev/null || cargo install cargo-deny --version 0.20.2 --locked
# A real SMTP server for the mail tests.
python3 -c 'import aiosmtpd' 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check aiosmtpd

work="$(mktemp -d /tmp/portal-test.XXXXXX)"
portal_pid=""
closed_pid=""
demo_pid=""
cleanup() {
  [ -n "$portal_pid" ] && kill "$portal_pid" 2>/dev/null && wait "$portal_pid" 2>/dev/null
  [ -n "$closed_pid" ] && kill "$closed_pid" 2>/dev/null && wait "$closed_pid" 2>/dev/null
  [ -n "$demo_pid" ] && kill "$demo_pid" 2>/dev/null && wait "$demo_pid" 2>/dev/null
  stop_test_postgres
  rm -rf "$work"
}
trap cleanup EXIT

log "lint: rustfmt and clippy (server and browser builds)"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy -p app --lib --target wasm32-unknown-unknown --features hydrate -- -D warnings
log "dependencies: licences, bans and sources (cargo deny, deny.toml)"
cargo deny check licenses bans sources

PORTAL_BUNDLE=release "$ROOT/scripts/build.sh"

start_test_postgres
log "unit and integration tests (SQLite and PostgreSQL)"
cargo test --workspace 2>&1 | tee "$work/cargo.log"
log "fuzzing the readers of typed text (fuzz/, 20 s a target)"
"$ROOT/scripts/fuzz.sh" 20

log "browser tests (Chromium)"
# The organiser who invites the jury in the jury tests; the password is read from standard input.
e2e_organiser_email="arrangor.e2e@vitalis.se"
e2e_organiser_password="fyra blå tåg mot Jönköping"
printf '%s\n' "$e2e_organiser_password" | DATABASE_URL="sqlite://$work/portal.db" PORTAL_OUTBOX_DIR="$work/outbox" \
  "$ROOT/target/debug/portal" create-organiser --email "$e2e_organiser_email" --name "Ebba Arrangör"
# A new deployment whose seeded round the organiser has not opened yet: the
# browser story begins with the organiser editing and opening it.
python3 -c 'import sqlite3, sys; db = sqlite3.connect(sys.argv[1]); db.execute("UPDATE rounds SET state = ?", ("utkast",)); db.commit()' \
  "$work/portal.db"
port="$(free_port)"
# A fixed clock in the open application window, so the tests do not change
# meaning when the real deadline passes.
DATABASE_URL="sqlite://$work/portal.db" PORTAL_ADDR="127.0.0.1:$port" PORTAL_BASE_URL="http://127.0.0.1:$port" \
  PORTAL_OUTBOX_DIR="$work/outbox" \
  PORTAL_FIXED_TIME=2027-01-10T10:00:00Z "$ROOT/target/debug/portal" serve > "$work/portal.log" 2>&1 &
portal_pid=$!
healthy=""
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && { healthy=yes; break; }
  kill -0 "$portal_pid" 2>/dev/null || break
  sleep 0.2
done
[ -n "$healthy" ] || { echo "the portal did not start:"; cat "$work/portal.log"; exit 1; }
# The same database served a second time on a clock standing just after the
# deadline (16 April 2027 00.00 Swedish time), for the closed state.
closed_port="$(free_port)"
DATABASE_URL="sqlite://$work/portal.db" PORTAL_ADDR="127.0.0.1:$closed_port" PORTAL_BASE_URL="http://127.0.0.1:$closed_port" \
  PORTAL_OUTBOX_DIR="$work/outbox" \
  PORTAL_FIXED_TIME=2027-04-15T22:00:00Z "$ROOT/target/debug/portal" serve > "$work/portal-closed.log" 2>&1 &
closed_pid=$!
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$closed_port/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
# The demo data (`portal seed-demo`) in a database of its own, on a clock after
# the deadline so the demo round is in review: the kommun's context and history
# (context.spec.js) are read there.
demo_env=(DATABASE_URL="sqlite://$work/demo.db" PORTAL_OUTBOX_DIR="$work/demo-outbox" PORTAL_FIXED_TIME=2027-04-16T08:00:00Z)
env "${demo_env[@]}" "$ROOT/target/debug/portal" seed-demo > "$work/demo-seed.log" 2>&1 \
  || { echo "the demo data could not be added:"; cat "$work/demo-seed.log"; exit 1; }
demo_port="$(free_port)"
env "${demo_env[@]}" PORTAL_ADDR="127.0.0.1:$demo_port" PORTAL_BASE_URL="http://127.0.0.1:$demo_port" \
  "$ROOT/target/debug/portal" serve > "$work/portal-demo.log" 2>&1 &
demo_pid=$!
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$demo_port/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
e2e_status=0
(
  cd end2end
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
  fi
  # The browser tests read the mail the portal writes to its outbox (no SMTP here).
  BASE_URL="http://127.0.0.1:$port" CLOSED_BASE_URL="http://127.0.0.1:$closed_port" OUTBOX_DIR="$work/outbox" \
    DEMO_BASE_URL="http://127.0.0.1:$demo_port" \
    E2E_ORGANISER_EMAIL="$e2e_organiser_email" E2E_ORGANISER_PASSWORD="$e2e_organiser_password" \
    npx playwright test
) 2>&1 | tee "$work/e2e.log" || e2e_status=$?
[ "$e2e_status" -eq 0 ] || { echo "--- portal log"; tail -n 50 "$work/portal.log"; exit "$e2e_status"; }

# One closing line over both runners.
count() { { grep -Eo "$1" "$2" || true; } | awk '{s+=$1} END {print s+0}'; }
rust_passed=$(count '[0-9]+ passed' "$work/cargo.log")
rust_failed=$(count '[0-9]+ failed' "$work/cargo.log")
e2e_passed=$(count '^ *[0-9]+ passed' "$work/e2e.log")
e2e_failed=$(count '^ *[0-9]+ failed' "$work/e2e.log")
echo "all tests: $((rust_passed + e2e_passed)) passed, $((rust_failed + e2e_failed)) failed"
