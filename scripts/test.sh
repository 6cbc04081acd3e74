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
# The W3C Nu HTML checker of the browser tests (vnu.jar, from end2end's npm package vnu-jar) runs on Java.
command -v java >/dev/null || apt_install default-jre-headless
ensure_build_tools
for component in clippy rustfmt; do
  rustup component list --installed | grep -q "^$component" || rustup component add "$component"
done
# The dependency check (licences, bans, sources), from crates.io.
command -v cargo-deny >/dev/null || cargo install cargo-deny --version 0.20.2 --locked
# A real SMTP server for the mail tests.
python3 -c 'import aiosmtpd' 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check aiosmtpd

work="$(mktemp -d /tmp/portal-test.XXXXXX)"
portal_pids=()
cleanup() {
  for pid in "${portal_pids[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
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
printf '%s\n' "$e2e_organiser_password" | DATABASE_URL="sqlite://$work/portal.db" PORTAL_OUTBOX_DIR="$work/outbox-portal" \
  "$ROOT/target/debug/portal" create-organiser --email "$e2e_organiser_email" --name "Ebba Arrangör"
# A new deployment whose seeded round the organiser has not opened yet: the
# browser story begins with the organiser editing and opening it.
python3 -c 'import sqlite3, sys; db = sqlite3.connect(sys.argv[1]); db.execute("UPDATE rounds SET state = ?", ("utkast",)); db.commit()' \
  "$work/portal.db"
# serve NAME DATABASE CLOCK: the portal on DATABASE with its clock fixed at CLOCK
# (PORTAL_FIXED_TIME, so the tests do not change meaning when the real dates
# pass), mail to $work/outbox-DATABASE; its address in served_url.
serve() {
  local name="$1" database="$2" clock="$3" port
  port="$(free_port)"
  DATABASE_URL="sqlite://$work/$database.db" PORTAL_ADDR="127.0.0.1:$port" PORTAL_BASE_URL="http://127.0.0.1:$port" \
    PORTAL_OUTBOX_DIR="$work/outbox-$database" PORTAL_FIXED_TIME="$clock" \
    "$ROOT/target/debug/portal" serve > "$work/$name.log" 2>&1 &
  portal_pids+=($!)
  for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && { served_url="http://127.0.0.1:$port"; return 0; }
    kill -0 "${portal_pids[-1]}" 2>/dev/null || break
    sleep 0.2
  done
  echo "the portal ($name) did not start:"; cat "$work/$name.log"; exit 1
}
# The shared story's database: in the open application window, and the same
# database a second time just after the deadline (16 April 2027 00.00 Swedish
# time), for the closed state.
serve portal portal 2027-01-10T10:00:00Z
portal_url="$served_url"
serve portal-closed portal 2027-04-15T22:00:00Z
closed_url="$served_url"
# A round at full size on a database of its own (end2end/tests/rehearsal.spec.js):
# seeded while the round is open, then served in the review, a second before the
# ceremony and at the ceremony (12 May 2027 18.00 Swedish time).
DATABASE_URL="sqlite://$work/rehearsal.db" PORTAL_OUTBOX_DIR="$work/outbox-rehearsal" \
  PORTAL_FIXED_TIME=2027-01-10T10:00:00Z "$ROOT/target/debug/portal" seed-demo --full-round > "$work/rehearsal-seed.log" 2>&1 \
  || { echo "the rehearsal round could not be added:"; cat "$work/rehearsal-seed.log"; exit 1; }
serve rehearsal rehearsal 2027-04-16T08:00:00Z
rehearsal_url="$served_url"
serve rehearsal-before rehearsal 2027-05-12T15:59:59Z
rehearsal_before_url="$served_url"
serve rehearsal-ceremony rehearsal 2027-05-12T16:00:00Z
rehearsal_ceremony_url="$served_url"
# The demo data (`portal seed-demo`) in a database of its own, on a clock after
# the deadline so the demo round is in review: the kommun's context and history
# (context.spec.js) are read there.
DATABASE_URL="sqlite://$work/demo.db" PORTAL_OUTBOX_DIR="$work/outbox-demo" PORTAL_FIXED_TIME=2027-04-16T08:00:00Z \
  "$ROOT/target/debug/portal" seed-demo > "$work/demo-seed.log" 2>&1 \
  || { echo "the demo data could not be added:"; cat "$work/demo-seed.log"; exit 1; }
serve portal-demo demo 2027-04-16T08:00:00Z
demo_url="$served_url"
e2e_status=0
(
  cd end2end
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
  fi
  # The browser tests read the mail the portal writes to its outbox (no SMTP here).
  BASE_URL="$portal_url" CLOSED_BASE_URL="$closed_url" OUTBOX_DIR="$work/outbox-portal" \
    REHEARSAL_URL="$rehearsal_url" REHEARSAL_BEFORE_URL="$rehearsal_before_url" \
    REHEARSAL_CEREMONY_URL="$rehearsal_ceremony_url" REHEARSAL_OUTBOX_DIR="$work/outbox-rehearsal" \
    DEMO_BASE_URL="$demo_url" \
    E2E_ORGANISER_EMAIL="$e2e_organiser_email" E2E_ORGANISER_PASSWORD="$e2e_organiser_password" \
    npx playwright test
) 2>&1 | tee "$work/e2e.log" || e2e_status=$?
[ "$e2e_status" -eq 0 ] || { for l in "$work"/*.log; do echo "--- $l"; tail -n 30 "$l"; done; exit "$e2e_status"; }

# One closing line over both runners.
count() { { grep -Eo "$1" "$2" || true; } | awk '{s+=$1} END {print s+0}'; }
rust_passed=$(count '[0-9]+ passed' "$work/cargo.log")
rust_failed=$(count '[0-9]+ failed' "$work/cargo.log")
e2e_passed=$(count '^ *[0-9]+ passed' "$work/e2e.log")
e2e_failed=$(count '^ *[0-9]+ failed' "$work/e2e.log")
echo "all tests: $((rust_passed + e2e_passed)) passed, $((rust_failed + e2e_failed)) failed"
