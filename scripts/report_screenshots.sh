#!/usr/bin/env bash
# Writes the screenshots docs/reports.md shows: the report of the bundled default scenario in
# English and in Chinese, rendered by headless Chromium from pages the built ccsim writes.
#   bash scripts/report_screenshots.sh            # after scripts/build.sh
# Output: docs/report-simulate-en.png, docs/report-simulate-zh.png (the top of each page:
# standards, then the charts). Needs Debian's chromium (scripts/setup-debian.sh) and a font
# with Chinese glyphs (fonts-wqy-microhei or fonts-noto-cjk), without which the zh shot shows
# empty boxes.
set -euo pipefail
cd "$(dirname "$0")/.."

ccsim=${CCSIM:-build/cli/ccsim}
[ -x "$ccsim" ] || { echo "error: $ccsim not built (bash scripts/build.sh)" >&2; exit 1; }
command -v chromium >/dev/null || {
  echo "error: chromium missing (bash scripts/setup-debian.sh installs it)" >&2; exit 1; }
[ -n "$(fc-list :lang=zh 2>/dev/null)" ] || {
  echo "error: no font with Chinese glyphs: apt-get install -y fonts-wqy-microhei" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A fixed date in the page, so that the pictures change only when the report does.
export SOURCE_DATE_EPOCH=1772409600  # 2026-03-02 00:00 UTC

for lang in en zh; do
  "$ccsim" simulate scenarios/default.toml --format html --lang "$lang" --out "$work/$lang.html"
  # The window is the picture: wide enough for the desktop layout, tall enough for the
  # standards table and the first charts. Charts draw without animation, so the shot is final.
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --host-resolver-rules="MAP * ~NOTFOUND" --user-data-dir="$work/profile" \
    --window-size=1100,2000 --screenshot="$work/$lang.png" "file://$work/$lang.html" \
    2>/dev/null
  mv "$work/$lang.png" "docs/report-simulate-$lang.png"
  echo "docs/report-simulate-$lang.png"
done
