#!/usr/bin/env bash
# Fuzzes the readers of what people type (the targets in fuzz/, cargo fuzz on
# the nightly toolchain), each target for a while; a crash fails the run and
# leaves its input under fuzz/artifacts/.
#   scripts/fuzz.sh [seconds per target]   (default 30)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

seconds="${1:-30}"
rustup run nightly rustc --version >/dev/null 2>&1 || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --version 0.13.2 --locked
cd fuzz
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
# A list that cannot be read must fail the run, not fuzz nothing.
targets="$(cargo +nightly fuzz list)"
[ -n "$targets" ] || { echo "cargo fuzz list names no target in fuzz/"; exit 1; }
for target in $targets; do
  log "fuzzing $target for $seconds s"
  # Safe Rust throughout: no sanitizer, so the time goes to inputs, not to checks.
  if ! cargo +nightly fuzz run --sanitizer none "$target" -- -max_total_time="$seconds" -rss_limit_mb=2048 > "$out" 2>&1; then
    tail -n 40 "$out"
    echo "fuzzing $target found a failure; its input is under fuzz/artifacts/$target/"
    exit 1
  fi
  grep -E '^(#[0-9]+ +DONE|Done [0-9]+ runs)' "$out" | tail -n 1
done
