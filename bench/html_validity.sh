#!/usr/bin/env bash
# How far the HTML each page sends is from valid: the W3C Nu checker's errors per
# page (vnu.jar from end2end's npm packages), on the release build with the demo
# data. The browser tests check every page state they reach and set aside only
# named framework noise (end2end/tests/helpers.js, NOISE); this counts all of it.
#   bench/html_validity.sh
# Writes bench/results/html_validity.txt.
set -euo pipefail
shopt -s inherit_errexit
source "$(dirname "$0")/../scripts/lib.sh"
cd "$ROOT"

command -v java >/dev/null || apt_install default-jre-headless
(cd end2end && npm ci --no-audit --no-fund --silent)
"$ROOT/scripts/build.sh" --release >/dev/null
source bench/lib.sh
bench_work html-validity

# Keeps the page's HTML as $work/pages/NAME.html.
keep() {
  mkdir -p "$work/pages"
  curl -fs ${3:+-H "Cookie: $3"} "$2" > "$work/pages/$1.html"
}

open_clock="$(start 2027-01-10T10:00:00Z)"
for path in / /utmarkelser/ehalsokommun /utmarkelser/ehalsokommun/ansok /utmarkelser/ehalsokommun/vinnare /tillganglighet /integritet /logga-in /registrera; do
  keep "public${path//\//_}" "$open_clock$path"
done
applicant="$(log_in "$open_clock" sokande@kalmar.demo.example.se)"
keep applicant_ansokan "$open_clock/ansokan" "$applicant"
keep applicant_konto "$open_clock/konto" "$applicant"
organiser="$(log_in "$open_clock" arrangor@demo.example.se)"
keep organiser_omgang "$open_clock/arrangor/omgang" "$organiser"
keep organiser_personer "$open_clock/arrangor/personer" "$organiser"
closed_clock="$(start 2027-04-16T08:00:00Z)"
juror="$(log_in "$closed_clock" jury@demo.example.se)"
keep juror_jury "$closed_clock/jury" "$juror"
keep juror_reading "$(first_reading "$closed_clock" "$juror")" "$juror"

# One JVM for all pages; the checker exits non-zero when it finds errors.
java -Xss1m -jar end2end/node_modules/vnu-jar/build/dist/vnu.jar --errors-only --format json \
  "$work"/pages/*.html 2> "$work/vnu.json" || true
mkdir -p bench/results
python3 - "$work/vnu.json" "$work/pages" <<'PY' | tee bench/results/html_validity.txt
import collections, datetime, json, os, sys
messages = json.load(open(sys.argv[1]))["messages"]
errors = collections.Counter(os.path.basename(m.get("url", "")) for m in messages if m["type"] == "error")
kinds = collections.Counter(m["message"] for m in messages if m["type"] == "error")
print(f"# {datetime.datetime.now(datetime.UTC):%Y-%m-%dT%H:%M:%SZ}, release build, demo data: Nu checker errors per page")
for page in sorted(os.listdir(sys.argv[2])):
    print(f"{page.removesuffix('.html'):28} {errors.get(page, 0):5} errors")
print(f"{'all pages':28} {sum(errors.values()):5} errors")
for message, count in kinds.most_common(8):
    print(f"  {count:5} × {message[:110]}")
PY
