#!/usr/bin/env bash
# The browser code each page loads: the WebAssembly and JavaScript files its HTML
# references (a page with an island loads the bundle for it; any other page none),
# in bytes as sent (brotli), on the release build with the demo data.
#   bench/page_weight.sh
# Writes bench/results/page_weight.txt.
set -euo pipefail
shopt -s inherit_errexit
source "$(dirname "$0")/../scripts/lib.sh"
cd "$ROOT"

"$ROOT/scripts/build.sh" --release >/dev/null
source bench/lib.sh
bench_work page-weight

# One line: the page, the files of browser code it references, their brotli bytes together.
weigh() {
  local name="$1" url="$2" cookie="${3:-}" html files total=0 size
  html="$(curl -fs ${cookie:+-H "Cookie: $cookie"} "$url")"
  files="$(grep -o '/pkg/[^"]*\.\(js\|wasm\)' <<< "$html" | sort -u | tr '\n' ' ' || true)"
  for file in $files; do
    size="$(stat -c %s "target/site$file.br")"
    total=$((total + size))
  done
  printf '%-40s %8d bytes brotli  %s\n' "$name" "$total" "${files:-(none)}"
}

mkdir -p bench/results
{
  echo "# $(date -u +%FT%TZ), release build, SQLite, demo data: wasm + JS each page loads (brotli, as sent)"
  open_clock="$(start 2027-01-10T10:00:00Z)"
  for path in / /utmarkelser/ehalsokommun /utmarkelser/ehalsokommun/ansok /utmarkelser/ehalsokommun/vinnare /tillganglighet /integritet /logga-in /registrera /glomt-losenord; do
    weigh "$path" "$open_clock$path"
  done
  applicant="$(log_in "$open_clock" sokande@kalmar.demo.example.se)"
  for path in /ansokan /ansokan/forhandsgranska /ansokan/skicka-in /konto; do
    weigh "$path (applicant)" "$open_clock$path" "$applicant"
  done
  organiser="$(log_in "$open_clock" arrangor@demo.example.se)"
  for path in /arrangor/omgang /arrangor/ansokningar /arrangor/personer /arrangor/omgangar/utkast; do
    weigh "$path (organiser)" "$open_clock$path" "$organiser"
  done
  closed_clock="$(start 2027-04-16T08:00:00Z)"
  juror="$(log_in "$closed_clock" jury@demo.example.se)"
  weigh "/jury (juror)" "$closed_clock/jury" "$juror"
  weigh "/jury/ansokan/… (juror)" "$(first_reading "$closed_clock" "$juror")" "$juror"
  weigh "/jury/motiveringar (juror)" "$closed_clock/jury/motiveringar" "$juror"
} | tee bench/results/page_weight.txt
