#!/usr/bin/env bash
# Starts the portal on a fresh machine or a warm one: installs what the build
# needs, builds the release, creates and seeds the SQLite database under data/
# on first start, adds the demo accounts, and serves http://127.0.0.1:3000 (PORTAL_ADDR to change).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

"$ROOT/scripts/build.sh" --release
# Demo accounts to try every role with (kept if they exist; see the README).
"$ROOT/target/release/portal" seed-demo
log "starting the portal on http://${PORTAL_ADDR:-127.0.0.1:3000} (Ctrl-C stops it)"
exec "$ROOT/target/release/portal" serve
