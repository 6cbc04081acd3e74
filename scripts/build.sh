#!/usr/bin/env bash
# Builds the portal: the browser bundle (wasm + JS glue, hashed and
# precompressed), the stylesheet, and the `portal` server binary.
#   scripts/build.sh            debug server, unoptimised bundle (fast to build)
#   scripts/build.sh --release  optimised server and size-optimised bundle
# PORTAL_BUNDLE=release|dev overrides the bundle's profile alone (the tests use
# the release bundle with the debug server: what users get, built fast).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

profile=debug
[ "${1:-}" = "--release" ] && profile=release
ensure_build_tools

site="$ROOT/target/site"
# A staging folder of this run's own: two builds at once must not empty each other's.
mkdir -p "$ROOT/target"
staging="$(mktemp -d "$ROOT/target/site.new.XXXXXX")"
trap 'rm -rf "$staging"' EXIT
mkdir -p "$staging/pkg"

if [ "$profile" = release ]; then
  cargo_profile_flag=(--release)
else
  cargo_profile_flag=()
fi
if [ "${PORTAL_BUNDLE:-$profile}" = release ]; then
  wasm_profile=wasm-release
  # Function names are for debugging; in a release they are two thirds of the file.
  bindgen_flags=(--remove-name-section --remove-producers-section)
else
  wasm_profile=dev
  bindgen_flags=()
fi
wasm_dir=$([ "$wasm_profile" = dev ] && echo debug || echo "$wasm_profile")

log "building the browser bundle ($wasm_profile)"
cargo build -p app --lib --target wasm32-unknown-unknown --features hydrate --profile "$wasm_profile"
wasm-bindgen --target web --no-typescript "${bindgen_flags[@]}" --out-dir "$staging/pkg" --out-name portal \
  "target/wasm32-unknown-unknown/$wasm_dir/app.wasm"
mv "$staging/pkg/portal_bg.wasm" "$staging/pkg/portal.wasm"
cp style/main.css "$staging/pkg/portal.css"
cp style/favicon.svg "$staging/favicon.svg"

# Content hashes in the names let browsers cache these files for a year.
: > "$staging/hash.txt"
for ext in js wasm css; do
  hash=$(sha256sum "$staging/pkg/portal.$ext" | cut -c1-16)
  mv "$staging/pkg/portal.$ext" "$staging/pkg/portal.$hash.$ext"
  brotli -q 11 -k "$staging/pkg/portal.$hash.$ext"
  gzip -9 -k "$staging/pkg/portal.$hash.$ext"
  echo "$ext: $hash" >> "$staging/hash.txt"
done
rm -rf "$site"
mv "$staging" "$site"

log "building the server ($profile)"
cargo build -p server --bin portal "${cargo_profile_flag[@]}"

wasm=$(ls "$site"/pkg/portal.*.wasm)
log "bundle: $(stat -c %s "$wasm") bytes wasm, $(stat -c %s "$wasm.br") bytes brotli"
